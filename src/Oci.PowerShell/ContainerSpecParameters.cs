using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// The parameters of a container spec that New-OciContainer and Invoke-OciContainer share (docker create / docker
    /// run), turned into the core's <see cref="OciContainerSpec"/>; the core checks every value before anything is sent.
    /// </summary>
    public abstract class ContainerSpecCmdletBase : OciCmdletBase
    {
        /// <summary>The image to create the container from (a reference or an image id).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageNameCompleter))]
        public string Image { get; set; } = string.Empty;

        /// <summary>The command (arguments to the entrypoint); default: the image's.</summary>
        [Parameter(Position = 1)]
        public string[]? Command { get; set; }

        /// <summary>The container's name; default: one the engine chooses.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string[]? Entrypoint { get; set; }

        /// <summary>Environment variables: a hashtable of name = value.</summary>
        [Parameter]
        public Hashtable? Environment { get; set; }

        /// <summary>Labels: a hashtable of key = value.</summary>
        [Parameter]
        public Hashtable? Label { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? WorkingDirectory { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? User { get; set; }

        /// <summary>The network mode: none, host, bridge or a network name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Network { get; set; }

        /// <summary>Mounts: OciMount objects or hashtables such as @{ Type = 'Bind'; Source = '/data'; Target = '/data'; ReadOnly = $true }.</summary>
        [Parameter]
        public OciMount[]? Mount { get; set; }

        /// <summary>Published ports as docker run -p writes them: [ip:]hostPort:containerPort[/protocol].</summary>
        [Parameter]
        public string[]? Publish { get; set; }

        [Parameter]
        [ValidateSet("no", "always", "on-failure", "unless-stopped")]
        public string? RestartPolicy { get; set; }

        /// <summary>The most restarts of the on-failure policy.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int MaximumRetryCount { get; set; }

        /// <summary>The memory limit in bytes (PowerShell's 64MB works).</summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long Memory { get; set; }

        /// <summary>The CPU limit in CPUs.</summary>
        [Parameter]
        [ValidateRange(0.0, 1024.0)]
        public double Cpus { get; set; }

        [Parameter]
        [ValidateSet("Missing", "Always", "Never")]
        public string? PullPolicy { get; set; }

        /// <summary>
        /// Sets the spec's values on <paramref name="options"/> (an <see cref="OciContainerSpec"/>, or a derived options type);
        /// a malformed -Publish is a terminating Oci.InvalidArgument. Typed as object, and not generic: a public type of
        /// this assembly must load without Oci.Core (PowerShell lists the cmdlets before the module's resolver runs).
        /// </summary>
        internal object Spec(object options)
        {
            var spec = (OciContainerSpec)options;
            spec.Image = Image;
            spec.Name = Name;
            spec.Command = Command;
            spec.Entrypoint = Entrypoint;
            spec.Environment = Dictionary(Environment);
            spec.Labels = Dictionary(Label);
            spec.WorkingDirectory = WorkingDirectory;
            spec.User = User;
            spec.NetworkMode = Network;
            spec.Mounts = Mount;
            spec.Ports = Publish?.Select(p => Checked(() => PortSpec.Parse(p), p)).ToArray();
            spec.RestartPolicy = RestartPolicy is null ? OciRestartPolicy.No : (OciRestartPolicy)Enum.Parse(typeof(OciRestartPolicy), RestartPolicy.Replace("-", string.Empty), ignoreCase: true);
            spec.MaximumRetryCount = MaximumRetryCount;
            spec.MemoryLimit = Memory;
            spec.Cpus = Cpus;
            spec.PullPolicy = PullPolicy is null ? OciPullPolicy.Missing : (OciPullPolicy)Enum.Parse(typeof(OciPullPolicy), PullPolicy, ignoreCase: true);
            return spec;
        }

        private static IReadOnlyDictionary<string, string>? Dictionary(Hashtable? table)
        {
            if (table is null) return null;
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry e in table)
                result[Convert.ToString(Completion.Unwrap(e.Key), CultureInfo.InvariantCulture) ?? string.Empty] = Convert.ToString(Completion.Unwrap(e.Value), CultureInfo.InvariantCulture) ?? string.Empty;
            return result;
        }
    }
}
