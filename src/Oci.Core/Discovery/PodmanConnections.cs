using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Tomlyn;
using Tomlyn.Model;

namespace Oci
{
    /// <summary>One of Podman's named connections (<c>podman system connection list</c>).</summary>
    internal sealed class PodmanNamedConnection
    {
        public PodmanNamedConnection(string name, string? uri, string? identity, bool isMachine, string file)
        {
            Name = name;
            Uri = uri;
            Identity = identity;
            IsMachine = isMachine;
            File = file;
        }

        public string Name { get; }

        /// <summary>The endpoint, e.g. <c>ssh://core@127.0.0.1:50123/run/user/501/podman/podman.sock</c>.</summary>
        public string? Uri { get; }

        /// <summary>The ssh key file, when one was given.</summary>
        public string? Identity { get; }

        /// <summary>True for a <c>podman machine</c> VM on this computer (Podman then ignores its host key).</summary>
        public bool IsMachine { get; }

        /// <summary>The file it was read from.</summary>
        public string File { get; }
    }

    /// <summary>
    /// Podman's named connections, read as Podman reads them (containers/common <c>pkg/config/connections.go</c>):
    /// <c>podman-connections.json</c> (Podman 5: <c>PODMAN_CONNECTIONS_CONF</c>, else beside the user's containers.conf)
    /// first, then <c>[engine.service_destinations]</c> of the containers.conf files (Podman 4 keeps them there) that the
    /// JSON file does not name. The default is the JSON file's, else containers.conf's <c>active_service</c>;
    /// <c>CONTAINER_CONNECTION</c> overrides both. containers.conf is read with Tomlyn, the JSON with System.Text.Json.
    /// </summary>
    internal sealed class PodmanConnections
    {
        private PodmanConnections(IReadOnlyList<PodmanNamedConnection> all, string? defaultName, string? defaultFrom, IReadOnlyList<string> problems)
        {
            All = all;
            DefaultName = defaultName;
            DefaultFrom = defaultFrom;
            Problems = problems;
        }

        /// <summary>Every connection, in file order (the JSON file's, then containers.conf's).</summary>
        public IReadOnlyList<PodmanNamedConnection> All { get; }

        /// <summary>The name of the connection in effect, if any.</summary>
        public string? DefaultName { get; }

        /// <summary>What made it the one in effect: <c>CONTAINER_CONNECTION</c>, <c>default</c>.</summary>
        public string? DefaultFrom { get; }

        /// <summary>Files that could not be read or parsed, each said in a sentence naming it.</summary>
        public IReadOnlyList<string> Problems { get; }

        public static PodmanConnections Load(OciEnvironment env)
        {
            var problems = new List<string>();
            var all = new List<PodmanNamedConnection>();
            string? jsonDefault = null;
            if (ConnectionsFile(env) is { } json && env.FileExists(json))
            {
                try
                {
                    jsonDefault = ReadJson(env, json, all);
                }
                catch (OciException e)
                {
                    problems.Add(e.Message.TrimEnd('.'));
                }
            }
            // The JSON file's connections win over containers.conf entries of the same name.
            var fromJson = new HashSet<string>(all.Select(c => c.Name), StringComparer.Ordinal);
            string? activeService = null;
            foreach (var conf in ContainersConfFiles(env))
            {
                try
                {
                    activeService = ReadToml(env, conf, all, fromJson) ?? activeService;
                }
                catch (OciException e)
                {
                    problems.Add(e.Message.TrimEnd('.'));
                }
            }
            var named = env.NonEmptyVariable("CONTAINER_CONNECTION");
            var defaultName = named ?? jsonDefault ?? activeService;
            var from = named is not null ? "CONTAINER_CONNECTION" : defaultName is null ? null : "default";
            return new PodmanConnections(all, defaultName, from, problems);
        }

        /// <summary><c>PODMAN_CONNECTIONS_CONF</c>, else <c>podman-connections.json</c> in the user's containers config folder.</summary>
        internal static string? ConnectionsFile(OciEnvironment env) =>
            env.NonEmptyVariable("PODMAN_CONNECTIONS_CONF") ?? (UserConfigFolder(env) is { } dir ? Path.Combine(dir, "podman-connections.json") : null);

        /// <summary>
        /// The containers.conf files in the order Podman merges them: <c>CONTAINERS_CONF</c> alone when set; else the
        /// distribution's, the system's and its <c>.d</c> folder, the user's and its <c>.d</c> folder; then
        /// <c>CONTAINERS_CONF_OVERRIDE</c>. Podman's per-uid rootless overrides under /etc are not read.
        /// </summary>
        internal static IReadOnlyList<string> ContainersConfFiles(OciEnvironment env)
        {
            var files = new List<string>();
            if (env.NonEmptyVariable("CONTAINERS_CONF") is { } only)
            {
                files.Add(only);
            }
            else
            {
                if (env.IsWindows)
                {
                    if (env.NonEmptyVariable("ProgramData") is { } programData) files.Add(Path.Combine(programData, "containers", "containers.conf"));
                }
                else
                {
                    files.Add(env.SystemPath("/usr/share/containers/containers.conf"));
                    files.Add(env.SystemPath("/etc/containers/containers.conf"));
                    files.AddRange(env.FilesIn(env.SystemPath("/etc/containers/containers.conf.d"), ".conf"));
                }
                if (UserConfigFolder(env) is { } user)
                {
                    files.Add(Path.Combine(user, "containers.conf"));
                    files.AddRange(env.FilesIn(Path.Combine(user, "containers.conf.d"), ".conf"));
                }
            }
            if (env.NonEmptyVariable("CONTAINERS_CONF_OVERRIDE") is { } over) files.Add(over);
            return files.Where(env.FileExists).ToArray();
        }

        /// <summary><c>$XDG_CONFIG_HOME/containers</c>, else <c>~/.config/containers</c> (<c>%APPDATA%\containers</c> on Windows).</summary>
        private static string? UserConfigFolder(OciEnvironment env)
        {
            if (env.IsWindows) return env.NonEmptyVariable("APPDATA") is { } appData ? Path.Combine(appData, "containers") : null;
            if (env.NonEmptyVariable("XDG_CONFIG_HOME") is { } xdg) return Path.Combine(xdg, "containers");
            return env.HomeDirectory is { } home ? Path.Combine(home, ".config", "containers") : null;
        }

        /// <summary>Adds the JSON file's connections; returns its default (<c>{"Connection":{"Default","Connections":{name:{URI,Identity,IsMachine}}}}</c>).</summary>
        private static string? ReadJson(OciEnvironment env, string path, List<PodmanNamedConnection> into)
        {
            const string what = "Podman's connections file";
            using var doc = DockerConfigFile.ParseFile(env, path, what);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw DockerConfigFile.Malformed(path, what, "the top level is not a JSON object");
            if (Json.Property(doc.RootElement, "Connection") is not { ValueKind: JsonValueKind.Object } connection) return null;
            if (Json.Property(connection, "Connections") is { ValueKind: JsonValueKind.Object } connections)
            {
                foreach (var c in connections.EnumerateObject())
                {
                    if (c.Value.ValueKind != JsonValueKind.Object) throw DockerConfigFile.Malformed(path, what, $"connection '{c.Name}' is not a JSON object");
                    into.Add(new PodmanNamedConnection(c.Name, Json.String(c.Value, "URI", path), Json.String(c.Value, "Identity", path), Json.Bool(c.Value, "IsMachine", path) ?? false, path));
                }
            }
            return OciEnvironment.NonEmpty(Json.String(connection, "Default", path));
        }

        /// <summary>
        /// Adds <c>[engine.service_destinations]</c> entries the JSON file does not name (a later file's entry replaces an
        /// earlier file's, as Podman merges them); returns <c>[engine] active_service</c>, if set.
        /// </summary>
        private static string? ReadToml(OciEnvironment env, string path, List<PodmanNamedConnection> into, ISet<string> fromJson)
        {
            TomlTable model;
            try
            {
                model = TomlSerializer.Deserialize<TomlTable>(env.ReadAllText(path))!;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OciException(OciErrorKind.InvalidArgument, $"Cannot read containers.conf at {path}: {e.Message}", path, innerException: e);
            }
            catch (TomlException e)
            {
                // Tomlyn's message names the line and column and what it expected, not the file's values.
                throw DockerConfigFile.Malformed(path, "containers.conf", "it is not valid TOML (" + e.Message.Trim() + ")", e);
            }
            if (!model.TryGetValue("engine", out var engineValue) || engineValue is not TomlTable engine) return null;
            if (engine.TryGetValue("service_destinations", out var destinationsValue) && destinationsValue is TomlTable destinations)
            {
                foreach (var d in destinations)
                {
                    if (d.Value is not TomlTable entry) throw DockerConfigFile.Malformed(path, "containers.conf", $"service destination '{d.Key}' is not a table");
                    var connection = new PodmanNamedConnection(d.Key, Text(entry, "uri"), Text(entry, "identity"), entry.TryGetValue("is_machine", out var m) && m is true, path);
                    if (fromJson.Contains(d.Key)) continue;
                    var same = into.FindIndex(c => c.Name == d.Key);
                    if (same < 0) into.Add(connection);
                    else into[same] = connection;
                }
            }
            return engine.TryGetValue("active_service", out var active) ? OciEnvironment.NonEmpty(active as string) : null;
        }

        private static string? Text(TomlTable table, string key) => table.TryGetValue(key, out var v) ? OciEnvironment.NonEmpty(v as string) : null;
    }
}
