using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Oci.Conformance
{
    // Containers: every method of kind CONTAINER on a busybox image (Images.Small: sh, echo, sleep, cat, env and the
    // other busybox applets through `busybox NAME`), with network mode none. Every container a test makes has a name
    // and a label of its own and is removed when the test ends, failed or not.
    public abstract partial class DriverConformanceTests
    {
        /// <summary>The label every container the suite makes carries (its value: the test's own id).</summary>
        public const string ContainerLabel = "oci.conformance";

        /// <summary>
        /// True when the engine records published ports of a container without a network (dockerd does; Podman drops
        /// them, as a container with network mode none cannot publish anything).
        /// </summary>
        protected virtual bool RecordsPortsWithoutNetwork => true;

        /// <summary>True when STATS reports a CPU share. The Docker API answer of an engine that sends no previous sample (Podman's compatible API) cannot.</summary>
        protected virtual bool ReportsCpuPercent => true;

        /// <summary>True when STATE names the bundle directory (Podman's native API does; the Docker API does not, and the state then has none).</summary>
        protected virtual bool NamesBundle => false;

        /// <summary>
        /// True when LIST's ancestor filter takes image ids and repositories without a tag, and WAIT for removal answers
        /// the exit code, as dockerd does (the docker driver on Podman's compatible API gets Podman's answers as they are).
        /// </summary>
        protected virtual bool FiltersAndWaitsLikeDockerd => true;

        /// <summary>The longest a container test waits for anything before it fails (a hang is a failure, not a wait).</summary>
        protected virtual TimeSpan ContainerTimeout => TimeSpan.FromMinutes(2);

        private static readonly string[] ContainerMethods =
        {
            OciMethods.Create, OciMethods.Start, OciMethods.Stop, OciMethods.Kill, OciMethods.Restart, OciMethods.Pause, OciMethods.Unpause,
            OciMethods.Remove, OciMethods.Wait, OciMethods.List, OciMethods.Inspect, OciMethods.State, OciMethods.Logs, OciMethods.Exec,
            OciMethods.Run, OciMethods.Copy, OciMethods.Stats, OciMethods.ExecSession,
        };

        /// <summary>The containers a test made, force-removed when it ends.</summary>
        protected sealed class MadeContainers : IAsyncDisposable
        {
            private readonly DriverConformanceTests _suite;

            public MadeContainers(DriverConformanceTests suite)
            {
                _suite = suite;
                Label = Guid.NewGuid().ToString("N");
            }

            /// <summary>The value of <see cref="ContainerLabel"/> on this test's containers.</summary>
            public string Label { get; }

            public List<string> Names { get; } = new();

            /// <summary>A new name of this test's, removed at the end.</summary>
            public string NewName()
            {
                var name = "oci-conf-" + Guid.NewGuid().ToString("N").Substring(0, 16);
                Names.Add(name);
                return name;
            }

            /// <summary>A spec on the small image, network none, labelled, with <paramref name="script"/> run by sh -c.</summary>
            public OciRunOptions Spec(string script, string? name = null) => new()
            {
                Image = _suite.Images.Small,
                Name = name ?? NewName(),
                Command = new[] { "sh", "-c", script },
                Labels = new Dictionary<string, string> { [ContainerLabel] = Label },
                NetworkMode = "none",
            };

            public async Task<OciContainer> CreateAsync(string script, Action<OciContainerSpec>? change = null)
            {
                var spec = Spec(script);
                change?.Invoke(spec);
                return (OciContainer)(await _suite.ContainerAsync(OciMethods.Create, null, spec).ConfigureAwait(false)).Data!;
            }

            /// <summary>Created and started.</summary>
            public async Task<OciContainer> StartAsync(string script, Action<OciContainerSpec>? change = null)
            {
                var created = await CreateAsync(script, change).ConfigureAwait(false);
                return (OciContainer)(await _suite.ContainerAsync(OciMethods.Start, created.Id).ConfigureAwait(false)).Data!;
            }

            public async ValueTask DisposeAsync()
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                // A client of its own: the test's may be what failed, and its failure is what the test must report.
                await using var client = await _suite.ConnectAsync().ConfigureAwait(false);
                var listed = (OciContainer[])(await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.List, OciKind.Container, null,
                    new OciContainerListOptions { All = true, Label = new[] { ContainerLabel + "=" + Label } }), cts.Token).ConfigureAwait(false)).Data!;
                foreach (var name in listed.Select(c => c.Id).Concat(Names).Distinct())
                {
                    try
                    {
                        await client.ExecuteAsync(OciRequest.WithOptions(OciMethods.Remove, OciKind.Container, name, new OciContainerRemoveOptions { Force = true, Volumes = true }), cts.Token).ConfigureAwait(false);
                    }
                    catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
                    {
                    }
                }
            }
        }

        /// <summary>A container request (typed options or none), bounded by <see cref="ContainerTimeout"/>.</summary>
        protected async Task<OciResponse> ContainerAsync(string method, string? target, object? options = null, CancellationToken cancellationToken = default)
        {
            using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            guard.CancelAfter(ContainerTimeout);
            try
            {
                return await Client.ExecuteAsync(OciRequest.WithOptions(method, OciKind.Container, target, options), guard.Token).ConfigureAwait(false);
            }
            catch (OciException e) when (e.Kind == OciErrorKind.Cancelled && guard.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{method} {target} did not finish within {ContainerTimeout}.", e);
            }
        }

        private async Task<OciContainer> InspectContainerAsync(string target) => (OciContainer)(await ContainerAsync(OciMethods.Inspect, target).ConfigureAwait(false)).Data!;

        private async Task<OciContainerState> StateOfAsync(string target) => (OciContainerState)(await ContainerAsync(OciMethods.State, target).ConfigureAwait(false)).Data!;

        private async Task<OciContainer[]> ListContainersAsync(OciContainerListOptions options) =>
            (OciContainer[])(await ContainerAsync(OciMethods.List, null, options).ConfigureAwait(false)).Data!;

        private async Task<List<OciLogLine>> LogsOfAsync(string target, OciContainerLogOptions options, CancellationToken cancellationToken = default)
        {
            using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            guard.CancelAfter(ContainerTimeout);
            var lines = new List<OciLogLine>();
            await foreach (var line in Client.StreamAsync<OciLogLine>(OciRequest.WithOptions(OciMethods.Logs, OciKind.Container, target, options), cancellationToken: guard.Token))
                lines.Add(line);
            return lines;
        }

        private async Task<OciExecResult> ExecInAsync(string target, OciExecOptions options) =>
            (OciExecResult)(await ContainerAsync(OciMethods.Exec, target, options).ConfigureAwait(false)).Data!;

        // ------------------------------------------------------------------------------------------------
        // What is served, and refusals before anything is sent
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public void The_driver_serves_every_container_method()
        {
            foreach (var method in ContainerMethods)
                Assert.True(Client.Supports(OciKind.Container, method), $"the {Driver.Name} driver has no handler for {method} CONTAINER");
        }

        [Fact]
        public async Task Malformed_container_targets_and_specs_are_refused_by_name_before_anything_is_created()
        {
            await using var made = new MadeContainers(this);
            foreach (var method in ContainerMethods.Where(m => m != OciMethods.Create && m != OciMethods.Run && m != OciMethods.List && m != OciMethods.Logs))
                await FailsAsync(OciErrorKind.InvalidArgument, () => ContainerAsync(method, "bad/name"), "bad/name");
            // A stream sends nothing until it is read: LOGS refuses when read.
            ConformanceAssert.IsError(await Assert.ThrowsAsync<OciException>(() => LogsOfAsync("bad/name", new OciContainerLogOptions())), OciErrorKind.InvalidArgument, "bad/name");
            await FailsAsync(OciErrorKind.InvalidArgument, () => Client.ExecuteAsync(new OciRequest(OciMethods.Create, OciKind.Container, Images.Small,
                new Dictionary<string, object?> { ["name"] = made.NewName(), ["oci-conformance-unknown"] = 1 })));
            var e = await FailsAsync(OciErrorKind.InvalidArgument, () => Client.ExecuteAsync(new OciRequest(OciMethods.Create, OciKind.Container, Images.Small,
                new Dictionary<string, object?> { ["comand"] = new[] { "true" } })));
            Assert.Contains("comand", e.Message);
            var bad = new (string What, Action<OciContainerSpec> Change, string? Target)[]
            {
                ("a name with a slash", s => s.Name = "a/b", "a/b"),
                ("a relative working directory", s => s.WorkingDirectory = "tmp", "tmp"),
                ("a port out of range", s => s.Ports = new[] { new OciPortBinding { ContainerPort = 70000 } }, "70000"),
                ("a relative mount target", s => s.Mounts = new[] { new OciMount { Type = OciMountType.Tmpfs, Target = "scratch" } }, "scratch"),
                ("a bind mount without a source", s => s.Mounts = new[] { new OciMount { Type = OciMountType.Bind, Target = "/x" } }, null),
                ("auto-remove with a restart policy", s => { s.AutoRemove = true; s.RestartPolicy = OciRestartPolicy.Always; }, null),
                ("a negative memory limit", s => s.MemoryLimit = -1, "-1"),
                ("an environment name with =", s => s.Environment = new Dictionary<string, string> { ["A=B"] = "c" }, "A=B"),
                ("an image that is not a reference", s => s.Image = "UPPER:case:bad", null),
            };
            foreach (var (what, change, target) in bad)
            {
                var spec = made.Spec("true");
                change(spec);
                var refused = await Assert.ThrowsAsync<OciException>(() => ContainerAsync(OciMethods.Create, null, spec));
                Assert.True(refused.Kind is OciErrorKind.InvalidArgument or OciErrorKind.InvalidReference, $"{what}: expected InvalidArgument, got {refused.Kind}: {refused.Message}");
                if (target is not null) Assert.Equal(target, refused.Target);
            }
            await FailsAsync(OciErrorKind.InvalidArgument, () => ContainerAsync(OciMethods.Kill, "any", new OciContainerKillOptions { Signal = "NOPE" }), "NOPE");
            await FailsAsync(OciErrorKind.InvalidArgument, () => ContainerAsync(OciMethods.List, null, new OciContainerListOptions { Status = new[] { "sleeping" } }), "sleeping");
            await FailsAsync(OciErrorKind.InvalidArgument, () => ContainerAsync(OciMethods.Exec, "any", new OciExecOptions()));
            await FailsAsync(OciErrorKind.InvalidArgument, () => ContainerAsync(OciMethods.Copy, "any", new OciCopyOptions { Source = "/tmp", Destination = "relative" }), "relative");
            Assert.Empty(await ListContainersAsync(new OciContainerListOptions { All = true, Label = new[] { ContainerLabel + "=" + made.Label } }));
        }

        [Fact]
        public async Task A_container_that_does_not_exist_is_NotFound_naming_it_for_every_method()
        {
            var missing = "oci-conf-missing-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            var calls = new (string Method, object? Options)[]
            {
                (OciMethods.Start, null), (OciMethods.Stop, null), (OciMethods.Kill, null), (OciMethods.Restart, null), (OciMethods.Pause, null),
                (OciMethods.Unpause, null), (OciMethods.Remove, null), (OciMethods.Wait, null), (OciMethods.Inspect, null), (OciMethods.State, null),
                (OciMethods.Exec, new OciExecOptions { Command = new[] { "true" } }), (OciMethods.Stats, null),
                (OciMethods.Copy, new OciCopyOptions { Direction = OciCopyDirection.OutOfContainer, Source = "/etc", Destination = Path.GetTempPath() }),
            };
            foreach (var (method, options) in calls)
            {
                var e = await Assert.ThrowsAsync<OciException>(() => ContainerAsync(method, missing, options));
                Assert.True(e.Kind == OciErrorKind.NotFound, $"{method}: expected NotFound, got {e.Kind}: {e.Message}");
                Assert.Equal(missing, e.Target);
            }
            var logs = await Assert.ThrowsAsync<OciException>(() => LogsOfAsync(missing, new OciContainerLogOptions()));
            ConformanceAssert.IsError(logs, OciErrorKind.NotFound, missing);
        }

        // ------------------------------------------------------------------------------------------------
        // CREATE, INSPECT, STATE, LIST
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public async Task Create_takes_every_key_of_the_spec_and_inspect_reports_them()
        {
            await using var made = new MadeContainers(this);
            var host = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "oci-conf-" + Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var created = await made.CreateAsync("sleep 60", s =>
                {
                    s.Entrypoint = new[] { "/bin/busybox" };
                    s.Command = new[] { "sh", "-c", "sleep 60" };
                    s.Environment = new Dictionary<string, string> { ["OCI_ONE"] = "1", ["OCI_TWO"] = "two words" };
                    s.Labels = new Dictionary<string, string> { [ContainerLabel] = made.Label, ["oci.extra"] = "x" };
                    s.WorkingDirectory = "/tmp";
                    s.User = "1000:1000";
                    s.Mounts = new[]
                    {
                        new OciMount { Type = OciMountType.Bind, Source = host, Target = "/host", ReadOnly = true },
                        // Anonymous: removed with the container (REMOVE with volumes).
                        new OciMount { Type = OciMountType.Volume, Target = "/vol" },
                        new OciMount { Type = OciMountType.Tmpfs, Target = "/scratch" },
                    };
                    s.Ports = new[] { new OciPortBinding { ContainerPort = 8080, HostPort = 18080, HostIp = "127.0.0.1" } };
                    s.RestartPolicy = OciRestartPolicy.OnFailure;
                    s.MaximumRetryCount = 2;
                    s.MemoryLimit = 64 * 1024 * 1024;
                    s.Cpus = 0.5;
                    s.PullPolicy = OciPullPolicy.Missing;
                });
                var c = await InspectContainerAsync(created.Name);
                Assert.Equal(created.Id, c.Id);
                Assert.Matches("^[0-9a-f]{64}$", c.Id);
                Assert.Equal(c.Id.Substring(0, 12), c.ShortId);
                Assert.Equal(made.Names[0], c.Name);
                Assert.Equal(Images.Small, c.Image);
                ConformanceAssert.IsImageId(c.ImageId);
                Assert.Equal(new[] { "/bin/busybox", "sh", "-c", "sleep 60" }, c.Command);
                Assert.Equal((OciContainerStatus.Created, "created"), (c.State, c.EngineState));
                Assert.Null(c.ExitCode);
                Assert.NotNull(c.Created);
                Assert.Contains("OCI_ONE=1", c.Environment);
                Assert.Contains("OCI_TWO=two words", c.Environment);
                Assert.Equal("x", c.Labels["oci.extra"]);
                Assert.Equal(("/tmp", "1000:1000", "none"), (c.WorkingDirectory, c.User, c.NetworkMode));
                Assert.Equal(("on-failure", 64L * 1024 * 1024, 0.5, false), (c.RestartPolicy, c.MemoryLimit, c.Cpus, c.AutoRemove));
                Assert.Contains(c.Mounts, m => m.Type == OciMountType.Bind && m.Source == host && m.Target == "/host" && m.ReadOnly);
                Assert.Contains(c.Mounts, m => m.Type == OciMountType.Volume && !string.IsNullOrEmpty(m.Source) && m.Target == "/vol" && !m.ReadOnly);
                Assert.Contains(c.Mounts, m => m.Type == OciMountType.Tmpfs && m.Target == "/scratch");
                if (RecordsPortsWithoutNetwork)
                    Assert.Equal("127.0.0.1:18080->8080/tcp", Assert.Single(c.Ports).ToString());

                // The mounts are there once it runs, as asked.
                await ContainerAsync(OciMethods.Start, c.Name);
                File.WriteAllText(Path.Combine(host, "from-host.txt"), "hello from the host\n");
                var seen = await ExecInAsync(c.Name, new OciExecOptions { Command = new[] { "sh", "-c", "cat /host/from-host.txt; busybox grep -c ' /scratch tmpfs' /proc/mounts; touch /host/x" }, User = "0" });
                Assert.StartsWith("hello from the host\n1\n", seen.Stdout);
                Assert.NotEqual(0, seen.ExitCode); // /host is read-only
            }
            finally
            {
                await made.DisposeAsync();
                Directory.Delete(host, recursive: true);
            }
        }

        [Fact]
        public async Task Create_takes_the_same_keys_as_parameters_and_refuses_unknown_ones_by_name()
        {
            await using var made = new MadeContainers(this);
            var name = made.NewName();
            var parameters = new Dictionary<string, object?>
            {
                ["name"] = name,
                ["command"] = new object[] { "sh", "-c", "exit 0" },
                ["environment"] = new Dictionary<string, object?> { ["OCI_P"] = "p" },
                ["labels"] = new Dictionary<string, object?> { [ContainerLabel] = made.Label },
                ["workingDirectory"] = "/tmp",
                ["networkMode"] = "none",
                ["mounts"] = new object[] { new Dictionary<string, object?> { ["type"] = "tmpfs", ["target"] = "/scratch" } },
                ["restartPolicy"] = "unless-stopped",
                ["memoryLimit"] = 32 * 1024 * 1024,
                ["cpus"] = "0.25",
                ["pullPolicy"] = "missing",
            };
            var response = await Client.ExecuteAsync(new OciRequest(OciMethods.Create, OciKind.Container, Images.Small, parameters));
            Assert.Equal((OciMethods.Create, OciKind.Container, "Created", name), (response.Method, response.Kind, response.Status, response.Target));
            var c = await InspectContainerAsync(name);
            Assert.Equal(new[] { "sh", "-c", "exit 0" }, c.Command);
            Assert.Contains("OCI_P=p", c.Environment);
            Assert.Equal(("/tmp", "none", "unless-stopped", 32L * 1024 * 1024, 0.25), (c.WorkingDirectory, c.NetworkMode, c.RestartPolicy, c.MemoryLimit, c.Cpus));
            Assert.Contains(c.Mounts, m => m.Type == OciMountType.Tmpfs && m.Target == "/scratch");
            var e = await FailsAsync(OciErrorKind.InvalidArgument, () => Client.ExecuteAsync(new OciRequest(OciMethods.Create, OciKind.Container, Images.Small,
                new Dictionary<string, object?> { ["name"] = made.NewName(), ["mounts"] = new object[] { new Dictionary<string, object?> { ["type"] = "tmpfs", ["target"] = "/x", ["size"] = 1 } } })));
            Assert.Contains("mounts[0].size", e.Message);
        }

        [Fact]
        public async Task Create_pulls_a_missing_image_unless_told_never_to()
        {
            await using var made = new MadeContainers(this);
            await RemoveImageAsync(Images.Pinned);
            var never = made.Spec("true");
            never.Image = Images.Pinned;
            never.PullPolicy = OciPullPolicy.Never;
            await FailsAsync(OciErrorKind.NotFound, () => ContainerAsync(OciMethods.Create, null, never), Images.Pinned);
            var missing = made.Spec("true");
            missing.Image = Images.Pinned;
            var c = (OciContainer)(await ContainerAsync(OciMethods.Create, null, missing)).Data!;
            Assert.Equal(Images.Pinned, c.Image);
            var always = made.Spec("true");
            always.Image = Images.Pinned;
            always.PullPolicy = OciPullPolicy.Always;
            Assert.Equal(c.ImageId, ((OciContainer)(await ContainerAsync(OciMethods.Create, null, always)).Data!).ImageId);
        }

        [Fact]
        public async Task State_is_the_OCI_runtime_state_through_the_lifecycle()
        {
            await using var made = new MadeContainers(this);
            var c = await made.CreateAsync("sleep 60");
            var created = await StateOfAsync(c.Name);
            Assert.Equal((OciContainerState.SpecVersion, c.Id, OciContainerStatus.Created), (created.OciVersion, created.Id, created.Status));
            Assert.NotNull(created.Annotations);
            await ContainerAsync(OciMethods.Start, c.Name);
            var running = await StateOfAsync(c.Id);
            Assert.Equal(OciContainerStatus.Running, running.Status);
            Assert.True(running.Pid > 0, "a running container's state has its pid");
            if (NamesBundle)
            {
                Assert.False(string.IsNullOrEmpty(running.Bundle), "STATE names the bundle");
                Assert.StartsWith("/", running.Bundle);
            }
            else
            {
                Assert.Null(running.Bundle);
            }
            await ContainerAsync(OciMethods.Pause, c.Name);
            Assert.Equal(OciContainerStatus.Paused, (await StateOfAsync(c.Name)).Status);
            await ContainerAsync(OciMethods.Unpause, c.Name);
            await ContainerAsync(OciMethods.Kill, c.Name);
            await ContainerAsync(OciMethods.Wait, c.Name);
            var stopped = await StateOfAsync(c.Name);
            Assert.Equal(OciContainerStatus.Stopped, stopped.Status);
            Assert.Null(stopped.Pid);
        }

        [Fact]
        public async Task List_filters_by_label_status_name_and_ancestor_and_lists_what_inspect_reports()
        {
            await using var made = new MadeContainers(this);
            var running = await made.StartAsync("sleep 60");
            var stopped = await made.CreateAsync("exit 4");
            await ContainerAsync(OciMethods.Start, stopped.Name);
            Assert.Equal(4, (int)(await ContainerAsync(OciMethods.Wait, stopped.Name)).Data!);
            var mine = ContainerLabel + "=" + made.Label;

            var all = await ListContainersAsync(new OciContainerListOptions { All = true, Label = new[] { mine } });
            Assert.Equal(new[] { stopped.Name, running.Name }, all.Select(c => c.Name)); // newest first
            var inspected = await InspectContainerAsync(running.Name);
            var listed = all.Single(c => c.Id == running.Id);
            Assert.Equal((inspected.Name, inspected.Image, inspected.ImageId, inspected.State, inspected.StartedAt, string.Join(" ", inspected.Command)),
                (listed.Name, listed.Image, listed.ImageId, listed.State, listed.StartedAt, string.Join(" ", listed.Command)));

            Assert.Equal(new[] { running.Name }, (await ListContainersAsync(new OciContainerListOptions { Label = new[] { mine } })).Select(c => c.Name));
            Assert.Equal(new[] { stopped.Name }, (await ListContainersAsync(new OciContainerListOptions { Label = new[] { mine }, Status = new[] { "stopped" } })).Select(c => c.Name));
            Assert.Equal(new[] { stopped.Name }, (await ListContainersAsync(new OciContainerListOptions { Label = new[] { mine }, Status = new[] { "exited" } })).Select(c => c.Name));
            Assert.Equal(new[] { running.Name }, (await ListContainersAsync(new OciContainerListOptions { All = true, Name = new[] { running.Name } })).Select(c => c.Name));
            Assert.Equal(new[] { running.Name }, (await ListContainersAsync(new OciContainerListOptions { All = true, Name = new[] { "^" + running.Name + "$" } })).Select(c => c.Name));
            Assert.Equal(new[] { running.Name }, ((OciContainer[])(await ContainerAsync(OciMethods.List, running.Name, new OciContainerListOptions { All = true })).Data!).Select(c => c.Name));
            Assert.Empty(await ListContainersAsync(new OciContainerListOptions { All = true, Label = new[] { ContainerLabel + "=no-such-run" } }));
            Assert.Equal(2, (await ListContainersAsync(new OciContainerListOptions { All = true, Label = new[] { mine }, Ancestor = new[] { Images.Small } })).Length);
            Assert.Empty(await ListContainersAsync(new OciContainerListOptions { All = true, Label = new[] { mine }, Ancestor = new[] { Images.Layers } }));
            if (FiltersAndWaitsLikeDockerd)
            {
                Assert.Equal(2, (await ListContainersAsync(new OciContainerListOptions { All = true, Label = new[] { mine }, Ancestor = new[] { running.ImageId } })).Length);
                Assert.Equal(2, (await ListContainersAsync(new OciContainerListOptions { All = true, Label = new[] { mine }, Ancestor = new[] { ImageReference.Parse(Images.Small).Repository } })).Length);
                Assert.Equal(new[] { running.Name }, (await ListContainersAsync(new OciContainerListOptions { All = true, Name = new[] { "^/" + running.Name + "$" } })).Select(c => c.Name));
            }
        }

        // ------------------------------------------------------------------------------------------------
        // START, STOP, KILL, RESTART, PAUSE, UNPAUSE, REMOVE, WAIT
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public async Task The_lifecycle_answers_with_the_container_as_it_is_afterwards()
        {
            await using var made = new MadeContainers(this);
            var c = await made.CreateAsync("sleep 60");
            var started = await ContainerAsync(OciMethods.Start, c.Name);
            Assert.Equal(("Started", OciContainerStatus.Running), (started.Status, ((OciContainer)started.Data!).State));
            Assert.Equal("Already running", (await ContainerAsync(OciMethods.Start, c.Name)).Status);
            Assert.Equal(OciContainerStatus.Paused, ((OciContainer)(await ContainerAsync(OciMethods.Pause, c.Name)).Data!).State);
            Assert.Equal(OciContainerStatus.Running, ((OciContainer)(await ContainerAsync(OciMethods.Unpause, c.Name)).Data!).State);
            var before = (await InspectContainerAsync(c.Name)).StartedAt;
            var restarted = (OciContainer)(await ContainerAsync(OciMethods.Restart, c.Name, new OciContainerStopOptions { Timeout = TimeSpan.Zero })).Data!;
            Assert.Equal(OciContainerStatus.Running, restarted.State);
            Assert.True(restarted.StartedAt > before, "RESTART starts the container again");
            var killed = (OciContainer)(await ContainerAsync(OciMethods.Kill, c.Name, new OciContainerKillOptions { Signal = "SIGKILL" })).Data!;
            Assert.Equal(137, (int)(await ContainerAsync(OciMethods.Wait, c.Name)).Data!);
            var stopped = await InspectContainerAsync(c.Name);
            Assert.Equal((OciContainerStatus.Stopped, "exited", 137), (stopped.State, stopped.EngineState, stopped.ExitCode));
            Assert.Equal("Already stopped", (await ContainerAsync(OciMethods.Stop, c.Name)).Status);
            await FailsAsync(OciErrorKind.Conflict, () => ContainerAsync(OciMethods.Kill, c.Name));
            Assert.Equal("Removed", (await ContainerAsync(OciMethods.Remove, c.Name)).Status);
            await FailsAsync(OciErrorKind.NotFound, () => ContainerAsync(OciMethods.Inspect, c.Name), c.Name);
            _ = killed;
        }

        [Fact]
        public async Task Stop_kills_a_container_that_ignores_SIGTERM_once_the_timeout_passed()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("trap '' TERM; while true; do sleep 0.2; done");
            var stopped = (OciContainer)(await ContainerAsync(OciMethods.Stop, c.Name, new OciContainerStopOptions { Timeout = TimeSpan.FromSeconds(1) })).Data!;
            Assert.Equal((OciContainerStatus.Stopped, 137), (stopped.State, stopped.ExitCode));
        }

        [Fact]
        public async Task Kill_sends_the_signal_asked_for()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("trap 'exit 42' USR1; while true; do sleep 0.2; done");
            await ContainerAsync(OciMethods.Kill, c.Name, new OciContainerKillOptions { Signal = "USR1" });
            Assert.Equal(42, (int)(await ContainerAsync(OciMethods.Wait, c.Name)).Data!);
        }

        [Fact]
        public async Task Removing_a_running_container_needs_force()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("sleep 60");
            await FailsAsync(OciErrorKind.Conflict, () => ContainerAsync(OciMethods.Remove, c.Name), c.Name);
            Assert.Equal(OciContainerStatus.Running, (await InspectContainerAsync(c.Name)).State);
            Assert.Equal("Removed", (await ContainerAsync(OciMethods.Remove, c.Name, new OciContainerRemoveOptions { Force = true })).Status);
            await FailsAsync(OciErrorKind.NotFound, () => ContainerAsync(OciMethods.Inspect, c.Name));
        }

        [Fact]
        public async Task Wait_answers_the_exit_code_for_each_condition()
        {
            await using var made = new MadeContainers(this);
            var c = await made.CreateAsync("sleep 1; exit 7");
            var never = (int)(await ContainerAsync(OciMethods.Wait, c.Name, new OciContainerWaitOptions { Condition = OciWaitCondition.NotRunning })).Data!;
            if (FiltersAndWaitsLikeDockerd) Assert.Equal(0, never); // a container that never ran has exit code 0
            var next = ContainerAsync(OciMethods.Wait, c.Name, new OciContainerWaitOptions { Condition = OciWaitCondition.NextExit });
            await ContainerAsync(OciMethods.Start, c.Name);
            var answer = await next;
            Assert.Equal((7, "Exited (7)"), ((int)answer.Data!, answer.Status));
            Assert.Equal(7, (int)(await ContainerAsync(OciMethods.Wait, c.Name)).Data!);
            // Removed by the engine itself once it exits: the wait is under way long before that.
            var gone = await made.StartAsync("sleep 2; exit 7", s => s.AutoRemove = true);
            var code = (int)(await ContainerAsync(OciMethods.Wait, gone.Name, new OciContainerWaitOptions { Condition = OciWaitCondition.Removed })).Data!;
            if (FiltersAndWaitsLikeDockerd) Assert.Equal(7, code);
            await FailsAsync(OciErrorKind.NotFound, () => ContainerAsync(OciMethods.Inspect, gone.Name));
        }

        [Fact]
        public async Task Wait_can_be_cancelled()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("sleep 60");
            using var cts = new CancellationTokenSource();
            var wait = ContainerAsync(OciMethods.Wait, c.Name, null, cts.Token);
            await Task.Delay(200);
            cts.Cancel();
            var e = await Assert.ThrowsAsync<OciException>(() => wait);
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
        }

        // ------------------------------------------------------------------------------------------------
        // LOGS
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public async Task Logs_keep_stdout_and_stderr_apart_with_tail_timestamps_and_since()
        {
            await using var made = new MadeContainers(this);
            var c = await made.CreateAsync("echo out1; echo err1 >&2; echo out2; printf 'no newline'");
            await ContainerAsync(OciMethods.Start, c.Name);
            await ContainerAsync(OciMethods.Wait, c.Name);
            var lines = await LogsOfAsync(c.Name, new OciContainerLogOptions());
            Assert.Equal(new[] { "out1", "out2", "no newline" }, lines.Where(l => l.Stream == OciLogStream.Stdout).Select(l => l.Text));
            Assert.Equal(new[] { "err1" }, lines.Where(l => l.Stream == OciLogStream.Stderr).Select(l => l.Text));
            Assert.All(lines, l => Assert.Equal((c.Name, (DateTimeOffset?)null), (l.Container, l.Timestamp)));
            Assert.Equal(new[] { "err1" }, (await LogsOfAsync(c.Name, new OciContainerLogOptions { Stdout = false })).Select(l => l.Text));
            Assert.Equal(new[] { "out1", "out2", "no newline" }, (await LogsOfAsync(c.Name, new OciContainerLogOptions { Stderr = false })).Select(l => l.Text));
            // Tail counts whole lines (the engines differ on an unfinished last line).
            var tailed = await made.CreateAsync("echo a; echo b; echo c");
            await ContainerAsync(OciMethods.Start, tailed.Name);
            await ContainerAsync(OciMethods.Wait, tailed.Name);
            Assert.Equal(new[] { "b", "c" }, (await LogsOfAsync(tailed.Name, new OciContainerLogOptions { Tail = 2 })).Select(l => l.Text));
            Assert.Empty(await LogsOfAsync(tailed.Name, new OciContainerLogOptions { Tail = 0 }));
            Assert.Equal(new[] { "no newline" }, (await LogsOfAsync(c.Name, new OciContainerLogOptions { Stderr = false, Tail = 1 })).Select(l => l.Text));
            Assert.Equal(new[] { "err1" }, (await LogsOfAsync(c.Name, new OciContainerLogOptions { Stdout = false, Tail = 1 })).Select(l => l.Text));
            var stamped = await LogsOfAsync(c.Name, new OciContainerLogOptions { Timestamps = true });
            Assert.Equal(4, stamped.Count);
            Assert.All(stamped, l => Assert.True(l.Timestamp is { } t && Math.Abs((t - c.Created!.Value).TotalMinutes) < 10, $"'{l.Text}' has the time it was written, got {l.Timestamp}"));
            Assert.Contains(stamped, l => l.Text == "out1");
            Assert.Empty(await LogsOfAsync(c.Name, new OciContainerLogOptions { Since = DateTimeOffset.UtcNow.AddHours(1) }));
            Assert.Equal(4, (await LogsOfAsync(c.Name, new OciContainerLogOptions { Since = c.Created!.Value.AddMinutes(-1) })).Count);
        }

        [Fact]
        public async Task Logs_follow_yields_lines_as_they_come_until_the_container_exits()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("for i in 1 2 3 4 5; do echo line$i; sleep 0.4; done");
            var received = new List<(string Text, string StateThen)>();
            await foreach (var line in Client.StreamAsync<OciLogLine>(OciRequest.WithOptions(OciMethods.Logs, OciKind.Container, c.Name, new OciContainerLogOptions { Follow = true })))
            {
                // The first line must come while the container still prints: items arrive as they are written, not at the end.
                received.Add((line.Text, received.Count == 0 ? (await InspectContainerAsync(c.Name)).State : string.Empty));
            }
            Assert.Equal(new[] { "line1", "line2", "line3", "line4", "line5" }, received.Select(r => r.Text));
            Assert.Equal(OciContainerStatus.Running, received[0].StateThen);
            Assert.Equal(OciContainerStatus.Stopped, (await InspectContainerAsync(c.Name)).State);
        }

        [Fact]
        public async Task Logs_follow_ends_when_the_caller_cancels()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("echo first; sleep 60");
            using var cts = new CancellationTokenSource();
            var lines = new List<string>();
            var e = await Assert.ThrowsAsync<OciException>(async () =>
            {
                await foreach (var line in Client.StreamAsync<OciLogLine>(OciRequest.WithOptions(OciMethods.Logs, OciKind.Container, c.Name, new OciContainerLogOptions { Follow = true }), cancellationToken: cts.Token))
                {
                    lines.Add(line.Text);
                    cts.Cancel();
                }
            }).WaitAsync(ContainerTimeout);
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
            Assert.Equal(new[] { "first" }, lines);
        }

        // ------------------------------------------------------------------------------------------------
        // EXEC
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public async Task Exec_runs_a_command_with_environment_user_and_working_directory()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("sleep 60");
            var r = await ExecInAsync(c.Name, new OciExecOptions
            {
                Command = new[] { "sh", "-c", "echo \"$OCI_X\"; busybox id -u; pwd; echo oops >&2; exit 5" },
                Environment = new Dictionary<string, string> { ["OCI_X"] = "from exec" },
                User = "1234",
                WorkingDirectory = "/tmp",
            });
            Assert.Equal(("from exec\n1234\n/tmp\n", "oops\n", 5), (r.Stdout, r.Stderr, r.ExitCode));
            Assert.Equal(c.Id, r.ContainerId);
            Assert.Equal(0, (await ExecInAsync(c.Name, new OciExecOptions { Command = new[] { "true" } })).ExitCode);
        }

        [Fact]
        public async Task Exec_writes_input_to_stdin_and_closes_it()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("sleep 60");
            var input = string.Join("\n", Enumerable.Range(1, 2000).Select(i => $"line {i} ü")) + "\n";
            var r = await ExecInAsync(c.Name, new OciExecOptions { Command = new[] { "sh", "-c", "cat; echo done >&2" }, Input = input });
            Assert.Equal((input, "done\n", 0), (r.Stdout, r.Stderr, r.ExitCode));
            var empty = await ExecInAsync(c.Name, new OciExecOptions { Command = new[] { "cat" }, Input = string.Empty });
            Assert.Equal((string.Empty, 0), (empty.Stdout, empty.ExitCode));
        }

        [Fact]
        public async Task Exec_in_a_container_that_does_not_run_is_Conflict()
        {
            await using var made = new MadeContainers(this);
            var c = await made.CreateAsync("true");
            await FailsAsync(OciErrorKind.Conflict, () => ContainerAsync(OciMethods.Exec, c.Name, new OciExecOptions { Command = new[] { "true" } }), c.Name);
        }

        // ------------------------------------------------------------------------------------------------
        // RUN
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public async Task Run_gives_both_streams_apart_and_the_exit_code_and_removes_the_container()
        {
            await using var made = new MadeContainers(this);
            var spec = made.Spec("echo to-stdout; echo to-stderr >&2; echo more; exit 3");
            var response = await ContainerAsync(OciMethods.Run, null, spec);
            var r = (OciRunResult)response.Data!;
            Assert.Equal(("to-stdout\nmore\n", "to-stderr\n", 3, true), (r.Stdout, r.Stderr, r.ExitCode, r.Removed));
            Assert.Equal((spec.Name, Images.Small, "Exited (3)"), (r.Name, r.Image, response.Status));
            Assert.Matches("^[0-9a-f]{64}$", r.ContainerId);
            await FailsAsync(OciErrorKind.NotFound, () => ContainerAsync(OciMethods.Inspect, r.ContainerId));
        }

        [Fact]
        public async Task Run_keeps_the_container_when_asked()
        {
            await using var made = new MadeContainers(this);
            var spec = made.Spec("echo kept");
            spec.Keep = true;
            var r = (OciRunResult)(await ContainerAsync(OciMethods.Run, null, spec)).Data!;
            Assert.Equal(("kept\n", 0, false), (r.Stdout, r.ExitCode, r.Removed));
            var c = await InspectContainerAsync(r.ContainerId);
            Assert.Equal((OciContainerStatus.Stopped, 0), (c.State, c.ExitCode));
        }

        [Fact]
        public async Task A_run_cancelled_midway_leaves_no_container_behind()
        {
            await using var made = new MadeContainers(this);
            var spec = made.Spec("echo started; sleep 60");
            using var cts = new CancellationTokenSource();
            var run = ContainerAsync(OciMethods.Run, null, spec, cts.Token);
            var mine = new OciContainerListOptions { Label = new[] { ContainerLabel + "=" + made.Label } };
            using (var guard = new CancellationTokenSource(ContainerTimeout))
                while ((await ListContainersAsync(mine)).Length == 0) await Task.Delay(50, guard.Token);
            cts.Cancel();
            var e = await Assert.ThrowsAsync<OciException>(() => run);
            Assert.Equal(OciErrorKind.Cancelled, e.Kind);
            Assert.Empty(await ListContainersAsync(new OciContainerListOptions { All = true, Label = mine.Label }));
        }

        // ------------------------------------------------------------------------------------------------
        // COPY, STATS
        // ------------------------------------------------------------------------------------------------

        [Fact]
        public async Task Copy_puts_a_folder_in_and_gets_it_back_byte_identical()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("sleep 60");
            var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "oci-conf-copy-" + Guid.NewGuid().ToString("N"))).FullName;
            try
            {
                var source = Directory.CreateDirectory(Path.Combine(root, "payload")).FullName;
                var random = new Random(9);
                var files = new Dictionary<string, byte[]>
                {
                    ["a.txt"] = System.Text.Encoding.UTF8.GetBytes("hello ü\n"),
                    ["empty"] = Array.Empty<byte>(),
                    ["sub/deeper/b.bin"] = Bytes(random, 300_000),
                    ["sub/a name with spaces.dat"] = Bytes(random, 4097),
                    [new string('n', 120) + "/long-name-" + new string('x', 90) + ".bin"] = Bytes(random, 1000),
                };
                foreach (var f in files)
                {
                    var path = Path.Combine(source, f.Key);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllBytes(path, f.Value);
                }
                Directory.CreateDirectory(Path.Combine(source, "empty-folder"));
                var total = files.Values.Sum(b => (long)b.Length);

                // Into an existing folder: under the source's own name.
                var put = await ContainerAsync(OciMethods.Copy, c.Name, new OciCopyOptions { Direction = OciCopyDirection.IntoContainer, Source = source, Destination = "/tmp" });
                Assert.Equal((total, "Copied"), ((long)put.Data!, put.Status));
                var listing = await ExecInAsync(c.Name, new OciExecOptions { Command = new[] { "sh", "-c", "cd /tmp/payload && busybox find . | busybox sort" } });
                Assert.Contains("./sub/deeper/b.bin", listing.Stdout);
                Assert.Contains("./empty-folder", listing.Stdout);
                // To a name that does not exist yet: as that name.
                await ContainerAsync(OciMethods.Copy, c.Name, new OciCopyOptions { Direction = OciCopyDirection.IntoContainer, Source = source, Destination = "/tmp/renamed" });
                await ContainerAsync(OciMethods.Copy, c.Name, new OciCopyOptions { Direction = OciCopyDirection.IntoContainer, Source = Path.Combine(source, "a.txt"), Destination = "/tmp/single.txt" });
                Assert.Equal("hello ü\n", (await ExecInAsync(c.Name, new OciExecOptions { Command = new[] { "cat", "/tmp/single.txt" } })).Stdout);

                // Out: into an existing local folder, and as a new name.
                var back = Directory.CreateDirectory(Path.Combine(root, "back")).FullName;
                var got = await ContainerAsync(OciMethods.Copy, c.Name, new OciCopyOptions { Direction = OciCopyDirection.OutOfContainer, Source = "/tmp/renamed", Destination = back });
                Assert.Equal(total, (long)got.Data!);
                AssertSameTree(source, Path.Combine(back, "renamed"));
                await ContainerAsync(OciMethods.Copy, c.Name, new OciCopyOptions { Direction = OciCopyDirection.OutOfContainer, Source = "/tmp/payload/", Destination = Path.Combine(root, "again") });
                AssertSameTree(source, Path.Combine(root, "again"));
                await ContainerAsync(OciMethods.Copy, c.Name, new OciCopyOptions { Direction = OciCopyDirection.OutOfContainer, Source = "/tmp/single.txt", Destination = Path.Combine(root, "single-back.txt") });
                Assert.Equal(files["a.txt"], File.ReadAllBytes(Path.Combine(root, "single-back.txt")));

                await FailsAsync(OciErrorKind.NotFound, () => ContainerAsync(OciMethods.Copy, c.Name, new OciCopyOptions { Direction = OciCopyDirection.IntoContainer, Source = Path.Combine(root, "nothing-here"), Destination = "/tmp" }), Path.Combine(root, "nothing-here"));
                await FailsAsync(OciErrorKind.NotFound, () => ContainerAsync(OciMethods.Copy, c.Name, new OciCopyOptions { Direction = OciCopyDirection.IntoContainer, Source = source, Destination = "/no/such/folder" }), "/no/such/folder");
                await FailsAsync(OciErrorKind.NotFound, () => ContainerAsync(OciMethods.Copy, c.Name, new OciCopyOptions { Direction = OciCopyDirection.OutOfContainer, Source = "/tmp/nothing-here", Destination = back }));
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        private static byte[] Bytes(Random random, int count)
        {
            var b = new byte[count];
            random.NextBytes(b);
            return b;
        }

        private static void AssertSameTree(string expected, string actual)
        {
            static string[] Entries(string root) => Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(root, p) + (Directory.Exists(p) ? "/" : string.Empty)).OrderBy(p => p, StringComparer.Ordinal).ToArray();
            Assert.Equal(Entries(expected), Entries(actual));
            foreach (var file in Directory.GetFiles(expected, "*", SearchOption.AllDirectories))
                Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, Path.GetRelativePath(expected, file)))), $"{file} came back different");
        }

        [Fact]
        public async Task Stats_samples_cpu_memory_and_pids_of_a_running_container()
        {
            await using var made = new MadeContainers(this);
            var c = await made.StartAsync("while true; do :; done", s => s.MemoryLimit = 64 * 1024 * 1024);
            var response = await ContainerAsync(OciMethods.Stats, c.Name);
            var s = (OciContainerStats)response.Data!;
            Assert.Equal((c.Id, c.Name), (s.ContainerId, s.Name));
            if (ReportsCpuPercent) Assert.True(s.CpuPercent > 0, $"a busy container uses CPU; got {s.CpuPercent}");
            else Assert.Null(s.CpuPercent);
            Assert.True(s.MemoryUsage > 0, "a running container uses memory");
            Assert.Equal(64L * 1024 * 1024, s.MemoryLimit);
            Assert.True(s.Pids >= 1, "a running container has a process");
            Assert.True(s.MemoryPercent is > 0 and <= 100);
        }
    }
}
