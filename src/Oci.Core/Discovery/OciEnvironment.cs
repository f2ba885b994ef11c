using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace Oci
{
    /// <summary>
    /// What endpoint discovery and credential resolution read from the machine: environment variables, the
    /// home directory, the operating system and files. <see cref="Current"/> is the real process; tests and
    /// hosts that run on behalf of someone else build their own with <see cref="FromVariables"/> or derive
    /// from this class.
    /// </summary>
    public class OciEnvironment
    {
        private readonly IReadOnlyDictionary<string, string?>? _variables;
        private readonly bool _isWindows;
        private readonly string? _systemRoot;

        /// <summary>The real process: its environment variables, user profile, OS and file system.</summary>
        public static OciEnvironment Current { get; } = new();

        /// <summary>The real process environment.</summary>
        protected OciEnvironment()
        {
            _isWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        }

        private OciEnvironment(IReadOnlyDictionary<string, string?> variables, bool isWindows, string? systemRoot)
        {
            _variables = variables;
            _isWindows = isWindows;
            _systemRoot = systemRoot;
        }

        /// <summary>
        /// An environment that sees only <paramref name="variables"/> (the process's own are ignored), so a
        /// host or a test controls every input. <paramref name="isWindows"/> picks the platform's rules
        /// (default: the real OS). <paramref name="systemRoot"/>, when given, is a directory standing in for
        /// <c>/</c> for the fixed system paths (<c>/var/run/docker.sock</c>, <c>/run/podman/podman.sock</c>).
        /// </summary>
        public static OciEnvironment FromVariables(IEnumerable<KeyValuePair<string, string?>> variables, bool? isWindows = null, string? systemRoot = null)
        {
            if (variables is null) throw new ArgumentNullException(nameof(variables));
            var windows = isWindows ?? RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var copy = new Dictionary<string, string?>(windows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            foreach (var v in variables)
            {
                if (string.IsNullOrEmpty(v.Key)) throw new ArgumentException("Variable names cannot be empty.", nameof(variables));
                copy[v.Key] = v.Value;
            }
            if (systemRoot is not null && !Path.IsPathRooted(systemRoot))
                throw new ArgumentException("The system root must be an absolute path.", nameof(systemRoot));
            return new OciEnvironment(copy, windows, systemRoot);
        }

        /// <summary>True when Windows' rules apply (named pipes, <c>USERPROFILE</c>, <c>;</c> in PATH).</summary>
        public virtual bool IsWindows => _isWindows;

        /// <summary>The variable's value; null when unset. Empty values are returned as they are.</summary>
        public virtual string? GetVariable(string name)
        {
            if (_variables is not null) return _variables.TryGetValue(name, out var v) ? v : null;
            return Environment.GetEnvironmentVariable(name);
        }

        /// <summary>The user's home directory (<c>HOME</c>, or <c>USERPROFILE</c> on Windows), as Go's <c>os.UserHomeDir</c>.</summary>
        public virtual string? HomeDirectory
        {
            get
            {
                var home = NonEmpty(IsWindows ? GetVariable("USERPROFILE") : GetVariable("HOME"));
                if (home is not null || _variables is not null) return home;
                var profile = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                return string.IsNullOrEmpty(profile) ? null : profile;
            }
        }

        /// <summary>Maps a fixed, absolute system path (e.g. <c>/var/run/docker.sock</c>) into this environment.</summary>
        public virtual string SystemPath(string path)
        {
            if (_systemRoot is null) return path;
            return _systemRoot.TrimEnd('/', '\\') + "/" + path.TrimStart('/');
        }

        /// <summary>True when a file (or socket, or a link to one) exists at <paramref name="path"/>; a dangling link is not one.</summary>
        public virtual bool FileExists(string path)
        {
            if (!File.Exists(path)) return false;
#if NET6_0_OR_GREATER
            try
            {
                var info = new FileInfo(path);
                if (info.LinkTarget is not null) return info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true };
            }
            catch (IOException)
            {
                return false; // a link loop
            }
#endif
            return true;
        }

        /// <summary>True when a directory exists at <paramref name="path"/>.</summary>
        public virtual bool DirectoryExists(string path) => Directory.Exists(path);

        /// <summary>Reads a whole text file.</summary>
        public virtual string ReadAllText(string path) => File.ReadAllText(path);

        /// <summary>
        /// The files directly in <paramref name="directory"/> whose names end with <paramref name="suffix"/>, sorted by name
        /// (ordinal, as Go's <c>os.ReadDir</c>); empty when the directory does not exist or cannot be read.
        /// </summary>
        public virtual IReadOnlyList<string> FilesIn(string directory, string suffix)
        {
            try
            {
                if (!Directory.Exists(directory)) return Array.Empty<string>();
                var files = new List<string>();
                foreach (var f in Directory.GetFiles(directory))
                    if (Path.GetFileName(f).EndsWith(suffix, StringComparison.Ordinal)) files.Add(f);
                files.Sort(StringComparer.Ordinal);
                return files;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Array.Empty<string>();
            }
        }

        /// <summary>
        /// True when a Windows named pipe called <paramref name="pipeName"/> exists, false when it does not,
        /// null when that cannot be told (then the probe decides, bounded by its timeout).
        /// </summary>
        public virtual bool? NamedPipeExists(string pipeName)
        {
            if (!IsWindows || !RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return null;
            try
            {
                foreach (var p in Directory.GetFiles(@"\\.\pipe\"))
                    if (string.Equals(Path.GetFileName(p), pipeName, StringComparison.OrdinalIgnoreCase)) return true;
                return false;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return null;
            }
        }

        /// <summary>
        /// The variables a child process (a credential helper) runs with: null inherits the process's own;
        /// an environment built with <see cref="FromVariables"/> gives exactly its variables.
        /// </summary>
        public virtual IReadOnlyDictionary<string, string?>? ChildProcessVariables => _variables;

        /// <summary>Docker's configuration directory: <c>DOCKER_CONFIG</c>, else <c>~/.docker</c>; null without a home.</summary>
        public string? DockerConfigDirectory
        {
            get
            {
                var dir = NonEmpty(GetVariable("DOCKER_CONFIG"));
                if (dir is not null) return dir;
                var home = HomeDirectory;
                return home is null ? null : Path.Combine(home, ".docker");
            }
        }

        public override string ToString() => _variables is null ? "process environment" : $"{_variables.Count} variable(s), {(IsWindows ? "Windows" : "Unix")}";

        internal string? NonEmptyVariable(string name) => NonEmpty(GetVariable(name));

        internal static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
    }
}
