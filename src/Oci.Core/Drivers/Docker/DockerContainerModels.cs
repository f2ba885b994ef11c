using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Oci.Drivers.Docker
{
    /// <summary>Maps the Docker API's container answers onto Oci's models, one way for every engine that speaks it.</summary>
    internal static class DockerContainerModels
    {
        public static OciContainer ToContainer(ContainerInspectDto d)
        {
            var state = d.State ?? new ContainerStateDto();
            var config = d.Config ?? new ContainerConfigDto();
            var host = d.HostConfig ?? new HostConfigDto();
            var started = Time(state.StartedAt);
            var engineState = state.Status ?? string.Empty;
            return new OciContainer
            {
                Id = d.Id ?? string.Empty,
                Name = ContainerTarget.Bare(d.Name),
                Image = config.Image ?? d.Image ?? string.Empty,
                ImageId = DockerModels.WithAlgorithm(d.Image),
                Command = (d.Path is null ? Enumerable.Empty<string>() : new[] { d.Path }).Concat(d.Args ?? new List<string>()).ToArray(),
                Created = Time(d.Created),
                State = OciContainerStatus.FromEngine(engineState, state.Running),
                EngineState = engineState,
                // An exit code means something once the container ran and stopped.
                ExitCode = started is not null && !state.Running ? state.ExitCode : null,
                StartedAt = started,
                FinishedAt = Time(state.FinishedAt),
                Pid = state.Pid,
                RestartCount = d.RestartCount,
                Labels = new Dictionary<string, string>(config.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
                Environment = (config.Env ?? new List<string>()).ToArray(),
                // Docker leaves an unset working directory empty where Podman says "/": the same thing.
                WorkingDirectory = string.IsNullOrEmpty(config.WorkingDir) ? "/" : config.WorkingDir,
                User = string.IsNullOrEmpty(config.User) ? null : config.User,
                NetworkMode = string.IsNullOrEmpty(host.NetworkMode) ? null : host.NetworkMode,
                Mounts = Mounts(d.Mounts, host),
                Ports = Ports(host.PortBindings),
                RestartPolicy = string.IsNullOrEmpty(host.RestartPolicy?.Name) ? "no" : host.RestartPolicy!.Name!,
                MemoryLimit = host.Memory,
                Cpus = host.NanoCpus / 1e9,
                AutoRemove = host.AutoRemove,
            };
        }

        public static OciContainerState ToState(ContainerInspectDto d, string? bundle, IReadOnlyDictionary<string, string>? annotations)
        {
            var state = d.State ?? new ContainerStateDto();
            var status = OciContainerStatus.FromEngine(state.Status, state.Running);
            return new OciContainerState
            {
                Id = d.Id ?? string.Empty,
                Status = status,
                // The spec: pid is required when the status is created or running (paused too, as the process exists).
                Pid = (status is OciContainerStatus.Created or OciContainerStatus.Running or OciContainerStatus.Paused) && state.Pid > 0 ? state.Pid : null,
                Bundle = bundle,
                // The engine's annotations: given by the caller (Podman's native API), else the Docker API's (1.43 and later).
                Annotations = (annotations ?? d.HostConfig?.Annotations ?? new Dictionary<string, string>()).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
            };
        }

        /// <summary>The mounts the container has; tmpfs mounts from <c>HostConfig.Tmpfs</c> too (Podman lists them only there).</summary>
        private static IReadOnlyList<OciMount> Mounts(List<MountPointDto>? points, HostConfigDto host)
        {
            var mounts = new List<OciMount>();
            foreach (var m in points ?? new List<MountPointDto>())
            {
                var type = m.Type?.ToLowerInvariant() switch { "bind" => OciMountType.Bind, "tmpfs" => OciMountType.Tmpfs, _ => OciMountType.Volume };
                mounts.Add(new OciMount
                {
                    Type = type,
                    Source = type switch { OciMountType.Volume => m.Name, OciMountType.Bind => m.Source, _ => null },
                    Target = m.Destination ?? string.Empty,
                    ReadOnly = !m.RW,
                });
            }
            foreach (var t in host.Tmpfs ?? new Dictionary<string, string>())
            {
                if (mounts.Any(m => m.Target == t.Key)) continue;
                mounts.Add(new OciMount { Type = OciMountType.Tmpfs, Target = t.Key, ReadOnly = t.Value.Split(',').Contains("ro") });
            }
            return mounts.OrderBy(m => m.Target, StringComparer.Ordinal).ToArray();
        }

        private static IReadOnlyList<OciPortBinding> Ports(Dictionary<string, List<PortBindingDto>?>? bindings)
        {
            var ports = new List<OciPortBinding>();
            foreach (var b in bindings ?? new Dictionary<string, List<PortBindingDto>?>())
            {
                var parts = b.Key.Split('/');
                if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var containerPort)) continue;
                foreach (var h in b.Value ?? new List<PortBindingDto>())
                {
                    int.TryParse(h.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out var hostPort);
                    ports.Add(new OciPortBinding
                    {
                        ContainerPort = containerPort,
                        HostPort = hostPort,
                        HostIp = string.IsNullOrEmpty(h.HostIp) ? null : h.HostIp,
                        Protocol = parts.Length > 1 ? parts[1] : "tcp",
                    });
                }
            }
            return ports.OrderBy(p => p.ContainerPort).ThenBy(p => p.Protocol, StringComparer.Ordinal).ToArray();
        }

        /// <summary>An engine's RFC 3339 time; Go's zero time (never) is null.</summary>
        public static DateTimeOffset? Time(string? text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && t.Year > 1 ? t : null;
    }
}
