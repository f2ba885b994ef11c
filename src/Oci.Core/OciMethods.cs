using System;
using System.Collections.Generic;

namespace Oci
{
    /// <summary>The standard method names a driver maps to handlers. Drivers may add their own.</summary>
    public static class OciMethods
    {
        public const string Ping = "PING";
        public const string Version = "VERSION";
        public const string Info = "INFO";
        public const string Pull = "PULL";
        public const string List = "LIST";
        public const string Inspect = "INSPECT";
        public const string Tag = "TAG";
        public const string Remove = "REMOVE";

        // Containers (LIST, INSPECT, REMOVE above and CREATE below serve them too).
        public const string Start = "START";
        public const string Stop = "STOP";
        public const string Kill = "KILL";
        public const string Restart = "RESTART";
        public const string Pause = "PAUSE";
        public const string Unpause = "UNPAUSE";
        public const string Wait = "WAIT";
        public const string State = "STATE";
        public const string Logs = "LOGS";
        public const string Exec = "EXEC";
        public const string Run = "RUN";
        public const string Copy = "COPY";
        public const string Stats = "STATS";

        // Images end to end, volumes, networks, events and disk use (issue 10).
        public const string Push = "PUSH";
        public const string History = "HISTORY";
        public const string Prune = "PRUNE";
        public const string Save = "SAVE";
        public const string Load = "LOAD";
        public const string Create = "CREATE";
        public const string Login = "LOGIN";
        public const string Logout = "LOGOUT";
        public const string Events = "EVENTS";
        public const string DiskUsage = "DF";

        // issue 14: a command in a container as a live two-way stream (PowerShell sessions run over it).
        public const string ExecSession = "EXEC_SESSION";

        /// <summary>Every standard method, in the order help and completion show them.</summary>
        public static IReadOnlyList<string> All { get; } = new[]
        {
            Ping, Version, Info, Pull, List, Inspect, Tag, Remove,
            // Containers.
            Start, Stop, Kill, Restart, Pause, Unpause, Wait, State, Logs, Exec, Run, Copy, Stats,
            // issue 10
            Push, History, Prune, Save, Load, Create, Login, Logout, Events, DiskUsage,
            // issue 14
            ExecSession,
        };

        /// <summary>The kind a method acts on when the caller does not say.</summary>
        public static OciKind DefaultKind(string method) =>
            method.ToUpperInvariant() switch
            {
                Ping or Version or Info => OciKind.Engine,
                // Containers.
                Create or Start or Stop or Kill or Restart or Pause or Unpause or Wait or State or Logs or Exec or Run or Copy or Stats => OciKind.Container,
                // issue 10
                Events or DiskUsage => OciKind.Engine,
                Login or Logout => OciKind.Registry,
                // issue 14
                ExecSession => OciKind.Container,
                _ => OciKind.Image,
            };

        /// <summary>Method names are letters, digits and underscores; normalised to upper case.</summary>
        public static string Normalize(string? method)
        {
            if (string.IsNullOrWhiteSpace(method))
                throw new OciException(OciErrorKind.InvalidArgument, "A method name is required.", method);
            var m = method!.Trim();
            foreach (var c in m)
            {
                if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                    throw new OciException(OciErrorKind.InvalidArgument, $"'{method}' is not a valid method name: use letters, digits and underscores.", method);
            }
            return m.ToUpperInvariant();
        }

        internal static bool IsStandard(string method) => Array.IndexOf((string[])All, method) >= 0;
    }
}
