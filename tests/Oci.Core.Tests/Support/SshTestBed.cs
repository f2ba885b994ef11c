using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Oci.Tests.Support
{
    /// <summary>
    /// The test bed's sshd (eng/testbed/sshd.sh) and its client files; defaults match its fixed layout. Tests point ssh at
    /// these files (-F, -i, UserKnownHostsFile), never at the user's ~/.ssh.
    /// </summary>
    internal static class SshTestBed
    {
        /// <summary>root@127.0.0.1 on the bed's ssh port; a remote `docker` there reaches the bed's dockerd.</summary>
        public static string Endpoint => Env("OCI_TEST_SSH_ENDPOINT", "ssh://root@127.0.0.1:2222");

        /// <summary>The same host, to the Podman service's socket path.</summary>
        public static string PodmanEndpoint => Env("OCI_TEST_SSH_PODMAN_ENDPOINT", "ssh://root@127.0.0.1:2222/tmp/oci-testbed/podman/podman.sock");

        /// <summary>A remote whose commands run with a PATH that has neither docker nor podman.</summary>
        public static string BareEndpoint => Env("OCI_TEST_SSH_BARE_ENDPOINT", "ssh://root@127.0.0.1:2223");

        public static string Key => File("OCI_TEST_SSH_KEY", "/tmp/oci-testbed/ssh/client/id_ed25519");

        /// <summary>A key the server does not accept.</summary>
        public static string OtherKey => File("OCI_TEST_SSH_OTHER_KEY", "/tmp/oci-testbed/ssh/client/other_ed25519");

        public static string KnownHosts => File("OCI_TEST_SSH_KNOWN_HOSTS", "/tmp/oci-testbed/ssh/client/known_hosts");

        /// <summary>Another host key pinned for the same host and ports.</summary>
        public static string ChangedKnownHosts => File("OCI_TEST_SSH_CHANGED_KNOWN_HOSTS", "/tmp/oci-testbed/ssh/client/known_hosts_changed");

        /// <summary>An ssh_config with the bed's key and known_hosts.</summary>
        public static string Config => File("OCI_TEST_SSH_CONFIG", "/tmp/oci-testbed/ssh/client/config");

        /// <summary>root@ a loopback port nothing listens on (one the system just handed out and took back).</summary>
        public static string ClosedEndpoint()
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return $"ssh://root@127.0.0.1:{port}";
        }

        /// <summary>The user's and the system's ssh config left out (-F /dev/null), then the given key and known_hosts.</summary>
        public static OciSshSettings Settings(string? key = "", string? knownHosts = null, string? remoteCli = null, string? user = null, params string[] options) =>
            new(identityFile: key == string.Empty ? Key : key, user: user, remoteCli: remoteCli, configFile: "/dev/null", source: "test bed",
                options: new[] { "UserKnownHostsFile=" + (knownHosts ?? KnownHosts), "GlobalKnownHostsFile=/dev/null", "StrictHostKeyChecking=yes" }.Concat(options));

        public static OciConnectOptions Options(OciSshSettings? settings = null) => new() { Ssh = settings ?? Settings() };

        /// <summary>
        /// Settings whose ssh command lines carry <paramref name="marker"/> (a SetEnv option the server ignores), so a test
        /// finds its own ssh processes among those of tests running beside it.
        /// </summary>
        public static OciSshSettings Marked(string marker, string? remoteCli = null) => Settings(remoteCli: remoteCli, options: "SetEnv=OCI_TEST_MARK=" + marker);

        /// <summary>The ssh processes whose command line holds <paramref name="marker"/> (Linux /proc; a zombie has no command line).</summary>
        public static IReadOnlyList<int> Processes(string marker) =>
            Proc().Where(p => p.Command.Contains(marker, StringComparison.Ordinal)).Select(p => p.Pid).ToArray();

        /// <summary>
        /// The sshd processes serving the connections marked with <paramref name="marker"/>: the parents of the remote
        /// commands whose environment holds it (the test bed's sshd accepts OCI_TEST_MARK).
        /// </summary>
        public static IReadOnlyList<int> ServerSessions(string marker)
        {
            var all = Proc().ToArray();
            var needle = "OCI_TEST_MARK=" + marker + "\0";
            var sessions = new List<int>();
            foreach (var p in all)
            {
                try
                {
                    if (System.IO.File.ReadAllText($"/proc/{p.Pid}/environ").Contains(needle, StringComparison.Ordinal)
                        && all.FirstOrDefault(q => q.Pid == p.Parent) is { Name: "sshd" } parent)
                        sessions.Add(parent.Pid);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Gone, or not ours to read.
                }
            }
            return sessions.Distinct().ToArray();
        }

        /// <summary>Sends <paramref name="signal"/> (STOP, CONT, KILL) to <paramref name="pid"/>, as kill(1) does.</summary>
        public static void Signal(int pid, string signal)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", new[] { "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }) { UseShellExecute = false })!;
            kill.WaitForExit();
        }

        /// <summary>ssh children of this process that ended and were never waited for.</summary>
        public static IReadOnlyList<int> Zombies() =>
            Proc().Where(p => p.Name == "ssh" && p.State == 'Z' && p.Parent == Environment.ProcessId).Select(p => p.Pid).ToArray();

        /// <summary>
        /// Waits (a hang guard, not a timing) until no ssh process with <paramref name="marker"/> runs and no ssh child of
        /// this process is a zombie. Run it where no other test starts ssh processes (<see cref="SshProcessCollection"/>).
        /// </summary>
        public static async Task AssertNoneLeftAsync(string marker, TimeSpan guard)
        {
            var watch = Stopwatch.StartNew();
            while ((Processes(marker).Count > 0 || Zombies().Count > 0) && watch.Elapsed < guard) await Task.Delay(100);
            Xunit.Assert.Empty(Processes(marker));
            Xunit.Assert.Empty(Zombies());
        }

        private static IEnumerable<(int Pid, string Name, char State, int Parent, string Command)> Proc()
        {
            foreach (var dir in Directory.GetDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                (int, string, char, int, string)? entry = null;
                try
                {
                    // "pid (comm) state ppid ...": comm may hold spaces and brackets, so split at the last ')'.
                    var stat = System.IO.File.ReadAllText(Path.Combine(dir, "stat"));
                    var close = stat.LastIndexOf(')');
                    var fields = stat[(close + 2)..].Split(' ');
                    var name = stat[(stat.IndexOf('(') + 1)..close];
                    var command = System.IO.File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                    entry = (pid, name, fields[0][0], int.Parse(fields[1]), command);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
                {
                    // The process ended while being read.
                }
                if (entry is { } found) yield return found;
            }
        }

        private static string Env(string name, string fallback)
        {
            var v = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(v) ? fallback : v!;
        }

        private static string File(string name, string fallback)
        {
            var path = Env(name, fallback);
            if (!System.IO.File.Exists(path))
                throw new InvalidOperationException($"{name}={path} does not exist: the ssh tests need the test bed's sshd and its client files. Run: bash eng/engines.sh up, then eval \"$(bash eng/engines.sh env)\".");
            return path;
        }
    }

    /// <summary>
    /// Tests that count this process's ssh processes (none left, no zombies) or kill one: they run alone, after the
    /// parallel ones, so no other test's ssh comes and goes meanwhile.
    /// </summary>
    [Xunit.CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class SshProcessCollection
    {
        public const string Name = "ssh processes";
    }
}
