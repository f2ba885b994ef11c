using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.PowerShell
{
    /// <summary>
    /// What the cmdlets that act on containers share (docs/cmdlet-conventions.md): one target parameter, <c>-Id</c>
    /// (alias Name), bound from strings by value and from objects by property name, and <c>-Connection</c> by property
    /// name, so <c>Get-OciContainer | Stop-OciContainer</c> reaches each container's own engine. Each target on each
    /// connection is one core call; a failure is a non-terminating error naming the target.
    /// </summary>
    public abstract class ContainerCmdletBase : OciCmdletBase
    {
        /// <summary>Container names or ids (full, or a unique prefix).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Name", "ContainerId")]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>The engines the containers are on; from the pipeline, the engine each container came from. Default: the session default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public OciConnection[]? Connection { get; set; }

        /// <summary>Each (target, connection) pair of this record, in order.</summary>
        internal IEnumerable<(string Target, OciConnection Connection)> Targets()
        {
            var connections = ResolveConnections(Connection);
            foreach (var target in Id)
                foreach (var c in connections)
                    yield return (target, c);
        }

        /// <summary>One container call (non-terminating on failure); null when it failed.</summary>
        internal OciResponse? Call(OciConnection c, string method, string target, object? options) =>
            Invoke(ct => c.Client.ExecuteAsync(OciRequest.WithOptions(method, OciKind.Container, target, options), ct), target, terminating: false, OciKind.Container);

        /// <summary>The ShouldProcess target: the container and where it is.</summary>
        internal static string Where(string target, OciConnection c) => $"{target} on {c.Name} ({c.Endpoint})";
    }

    /// <summary>The state-changing container cmdlets: ShouldProcess before each call, the container afterwards with -PassThru.</summary>
    public abstract class ContainerActionCmdletBase : ContainerCmdletBase
    {
        /// <summary>Output the container as it is after the action.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The method, its options and how -WhatIf names the action.</summary>
        internal abstract (string Method, object? Options, string Action) Action();

        protected override void ProcessRecord()
        {
            var (method, options, action) = Action();
            foreach (var (target, c) in Targets())
            {
                if (!ShouldProcess(Where(target, c), action)) continue;
                var response = Call(c, method, target, options);
                if (response is null) continue;
                WriteVerbose($"{target} on {c.Name}: {response.Status}.");
                if (PassThru && response.Data is OciContainer container) Emit(container, c);
            }
        }
    }
}
