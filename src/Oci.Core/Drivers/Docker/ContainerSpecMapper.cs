using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Oci.Drivers.Docker
{
    /// <summary>
    /// A container spec checked and turned into the body of <c>POST /containers/create</c>. Everything is refused here,
    /// by name and value, before anything is sent.
    /// </summary>
    internal static class ContainerSpecMapper
    {
        private static readonly string[] Protocols = { "tcp", "udp", "sctp" };

        /// <summary>The image to create from (as given, validated), the container name and the create body.</summary>
        public static (string Image, ImageReference? Reference, string? Name, ContainerConfigDto Body) Build(OciRequest request, OciContainerSpec spec, bool autoRemove)
        {
            var image = CheckImage(request, spec);
            var reference = ImageReference.IsImageId(image) ? null : ImageReference.Parse(image);
            var name = ContainerTarget.CheckName(spec.Name);
            var restart = RestartPolicy(spec);
            if (autoRemove && restart.Name != "no")
                throw Invalid($"A container that removes itself cannot have the restart policy {restart.Name}: set autoRemove or restartPolicy, not both.", spec.RestartPolicy.ToString());
            if (spec.MemoryLimit < 0) throw Invalid($"memoryLimit must be 0 (none) or a number of bytes; got {spec.MemoryLimit}.", spec.MemoryLimit.ToString(CultureInfo.InvariantCulture));
            if (spec.Cpus < 0 || double.IsNaN(spec.Cpus) || double.IsInfinity(spec.Cpus))
                throw Invalid($"cpus must be 0 (no limit) or a positive number of CPUs; got {spec.Cpus.ToString(CultureInfo.InvariantCulture)}.", spec.Cpus.ToString(CultureInfo.InvariantCulture));
            var (exposed, bindings) = Ports(spec.Ports);
            var body = new ContainerConfigDto
            {
                Image = image,
                Cmd = spec.Command?.ToList(),
                Entrypoint = spec.Entrypoint?.ToList(),
                Env = Environment(spec.Environment),
                Labels = spec.Labels?.ToDictionary(l => CheckKey(l.Key, "label"), l => l.Value ?? string.Empty, StringComparer.Ordinal),
                WorkingDir = AbsoluteOrNull(spec.WorkingDirectory, "workingDirectory"),
                User = string.IsNullOrEmpty(spec.User) ? null : spec.User,
                ExposedPorts = exposed,
                HostConfig = new HostConfigDto
                {
                    NetworkMode = string.IsNullOrEmpty(spec.NetworkMode) ? null : spec.NetworkMode,
                    AutoRemove = autoRemove,
                    RestartPolicy = restart,
                    Memory = spec.MemoryLimit,
                    NanoCpus = (long)Math.Round(spec.Cpus * 1e9),
                    Mounts = Mounts(spec.Mounts),
                    PortBindings = bindings,
                },
            };
            return (image, reference, name, body);
        }

        /// <summary>The spec's image, else the request's target: a reference or an image id, as given.</summary>
        private static string CheckImage(OciRequest request, OciContainerSpec spec)
        {
            var image = string.IsNullOrWhiteSpace(spec.Image) ? request.Target : spec.Image;
            if (string.IsNullOrWhiteSpace(image))
                throw new OciException(OciErrorKind.InvalidArgument, $"{request.Method} needs an image: parameter 'image' (or the request's target).", request.Target);
            if (!string.IsNullOrWhiteSpace(spec.Image) && !string.IsNullOrWhiteSpace(request.Target) && spec.Image != request.Target)
                throw new OciException(OciErrorKind.InvalidArgument, $"{request.Method} names two images: '{spec.Image}' (parameter 'image') and '{request.Target}' (the target). Give one.", spec.Image);
            image = image!.Trim();
            if (!ImageReference.IsImageId(image)) ImageReference.Parse(image); // InvalidReference naming it
            return image;
        }

        private static RestartPolicyDto RestartPolicy(OciContainerSpec spec)
        {
            if (spec.MaximumRetryCount < 0 || (spec.MaximumRetryCount > 0 && spec.RestartPolicy != OciRestartPolicy.OnFailure))
                throw Invalid($"maximumRetryCount applies to the OnFailure restart policy only and cannot be negative; got {spec.MaximumRetryCount} with {spec.RestartPolicy}.", spec.MaximumRetryCount.ToString(CultureInfo.InvariantCulture));
            var name = spec.RestartPolicy switch
            {
                OciRestartPolicy.Always => "always",
                OciRestartPolicy.OnFailure => "on-failure",
                OciRestartPolicy.UnlessStopped => "unless-stopped",
                _ => "no",
            };
            return new RestartPolicyDto { Name = name, MaximumRetryCount = spec.MaximumRetryCount };
        }

        internal static List<string>? Environment(IReadOnlyDictionary<string, string>? environment) =>
            environment?.Select(e => CheckKey(e.Key, "environment variable") + "=" + (e.Value ?? string.Empty)).ToList();

        internal static string? AbsoluteOrNull(string? path, string what)
        {
            if (string.IsNullOrEmpty(path)) return null;
            if (!path!.StartsWith("/", StringComparison.Ordinal)) throw Invalid($"{what} must be an absolute path in the container; got '{path}'.", path);
            return path;
        }

        private static string CheckKey(string key, string what)
        {
            if (string.IsNullOrWhiteSpace(key) || key.IndexOf('=') >= 0 || key.Any(char.IsControl))
                throw Invalid($"'{key}' is not a valid {what} name: it must be non-empty, without '=' or control characters.", key);
            return key;
        }

        private static List<MountDto>? Mounts(IReadOnlyList<OciMount>? mounts)
        {
            if (mounts is null) return null;
            var list = new List<MountDto>();
            foreach (var m in mounts)
            {
                if (m is null) throw Invalid("A mount is null.", null);
                if (string.IsNullOrEmpty(m.Target) || !m.Target.StartsWith("/", StringComparison.Ordinal))
                    throw Invalid($"A mount's target must be an absolute path in the container; got '{m.Target}'.", m.Target);
                switch (m.Type)
                {
                    case OciMountType.Bind when string.IsNullOrEmpty(m.Source) || !System.IO.Path.IsPathRooted(m.Source):
                        throw Invalid($"A bind mount's source must be an absolute path on the engine's host; got '{m.Source}' for {m.Target}.", m.Source);
                    case OciMountType.Tmpfs when !string.IsNullOrEmpty(m.Source):
                        throw Invalid($"A tmpfs mount has no source; got '{m.Source}' for {m.Target}.", m.Source);
                }
                list.Add(new MountDto { Type = m.Type.ToString().ToLowerInvariant(), Source = string.IsNullOrEmpty(m.Source) ? null : m.Source, Target = m.Target, ReadOnly = m.ReadOnly });
            }
            return list;
        }

        private static (Dictionary<string, EmptyDto>?, Dictionary<string, List<PortBindingDto>?>?) Ports(IReadOnlyList<OciPortBinding>? ports)
        {
            if (ports is null || ports.Count == 0) return (null, null);
            var exposed = new Dictionary<string, EmptyDto>(StringComparer.Ordinal);
            var bindings = new Dictionary<string, List<PortBindingDto>?>(StringComparer.Ordinal);
            foreach (var p in ports)
            {
                if (p is null) throw Invalid("A port binding is null.", null);
                var protocol = (p.Protocol ?? "tcp").ToLowerInvariant();
                if (p.ContainerPort is < 1 or > 65535) throw Invalid($"containerPort must be 1-65535; got {p.ContainerPort}.", p.ContainerPort.ToString(CultureInfo.InvariantCulture));
                if (p.HostPort is < 0 or > 65535) throw Invalid($"hostPort must be 0-65535 (0 = any); got {p.HostPort}.", p.HostPort.ToString(CultureInfo.InvariantCulture));
                if (Array.IndexOf(Protocols, protocol) < 0) throw Invalid($"A port's protocol must be tcp, udp or sctp; got '{p.Protocol}'.", p.Protocol);
                if (p.HostIp is { Length: > 0 } ip && !System.Net.IPAddress.TryParse(ip, out _)) throw Invalid($"hostIp must be an IP address; got '{ip}'.", ip);
                var key = p.ContainerPort.ToString(CultureInfo.InvariantCulture) + "/" + protocol;
                exposed[key] = new EmptyDto();
                if (!bindings.TryGetValue(key, out var list) || list is null) bindings[key] = list = new List<PortBindingDto>();
                list.Add(new PortBindingDto { HostIp = string.IsNullOrEmpty(p.HostIp) ? null : p.HostIp, HostPort = p.HostPort == 0 ? string.Empty : p.HostPort.ToString(CultureInfo.InvariantCulture) });
            }
            return (exposed, bindings);
        }

        private static OciException Invalid(string message, string? target) => new(OciErrorKind.InvalidArgument, message, target);
    }
}
