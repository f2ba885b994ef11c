using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Oci.PowerShell.Internal;

namespace Oci.PowerShell
{
    /// <summary>
    /// What the Oci cmdlets share (see docs/cmdlet-conventions.md): the session's connections, and the one way a cmdlet
    /// runs core calls — <see cref="Invoke{T}"/> for one call, <see cref="InvokeEach{T}"/> for the same call on several
    /// engines at once, <see cref="InvokeStream{T}"/> for a stream — on the thread pool, with progress and items pumped
    /// on the pipeline thread, Ctrl+C turned into a stopped pipeline, and an <see cref="OciException"/> turned into an
    /// ErrorRecord by <see cref="Record"/>. Not a cmdlet itself.
    /// </summary>
    public abstract class OciCmdletBase : PSCmdlet, IDisposable
    {
        /// <summary>The name of the note property every emitted object carries: the connection it came from.</summary>
        internal const string ConnectionProperty = "Connection";

        private readonly CancellationTokenSource _stopping = new();
        private readonly PipelinePump _pump = new();

        /// <summary>Cancelled when the pipeline is stopped (Ctrl+C, <c>PowerShell.Stop()</c>).</summary>
        internal CancellationToken StopToken => _stopping.Token;

        internal PipelinePump Pump => _pump;

        internal ConnectionStore Session => ConnectionStore.Current;

        protected override void StopProcessing()
        {
            _stopping.Cancel();
        }

        private bool? _verboseWanted;
        private bool? _progressWanted;

        /// <summary>
        /// True when verbose messages are shown (<c>-Verbose</c>, or <c>$VerbosePreference</c> as this command's scope
        /// sees it). Test it before building a message: WriteVerbose checks too, but only after the text was made.
        /// </summary>
        internal bool VerboseWanted => _verboseWanted ??= Shown("Verbose", "VerbosePreference");

        /// <summary>True when progress is shown (<c>-ProgressAction</c>, or <c>$ProgressPreference</c>): otherwise no progress sink is made.</summary>
        internal bool ProgressWanted => _progressWanted ??= Shown("ProgressAction", "ProgressPreference");

        // A common parameter given to this command wins; else the preference variable. Ignore and SilentlyContinue show nothing.
        private bool Shown(string parameter, string preference)
        {
            if (MyInvocation.BoundParameters.TryGetValue(parameter, out var given))
            {
                if (given is SwitchParameter s) return s.IsPresent;
                if (TryPreference(given, out var p)) return Shows(p);
            }
            return !TryPreference(GetVariableValue(preference), out var pref) || Shows(pref);
        }

        private static bool Shows(ActionPreference p) => p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;

        private static bool TryPreference(object? value, out ActionPreference preference)
        {
            value = value is PSObject pso ? pso.BaseObject : value;
            if (value is ActionPreference p)
            {
                preference = p;
                return true;
            }
            return Enum.TryParse(value?.ToString(), ignoreCase: true, out preference);
        }

        /// <summary>
        /// The connection to use: <paramref name="explicitConnection"/> when given (it must still be open), else the
        /// session default; none is a terminating <c>Oci.NoConnection</c> error.
        /// </summary>
        internal OciConnection ResolveConnection(OciConnection? explicitConnection)
        {
            var connection = explicitConnection ?? Session.Default;
            if (connection is null) ThrowTerminatingError(OciErrors.NoConnection());
            if (!connection!.Connected) ThrowTerminatingError(OciErrors.ConnectionClosed(connection));
            return connection;
        }

        /// <summary>
        /// The connections a cmdlet with <c>-Connection &lt;OciConnection[]&gt;</c> acts through: those given (once each, in
        /// order; a closed one is a non-terminating <c>Oci.ConnectionClosed</c> error and is left out), else the session
        /// default. None at all is terminating (<c>Oci.NoConnection</c>).
        /// </summary>
        internal IReadOnlyList<OciConnection> ResolveConnections(IEnumerable<OciConnection>? given)
        {
            var list = given?.Where(c => c is not null).Distinct().ToList();
            if (list is null || list.Count == 0) return new[] { ResolveConnection(null) };
            var open = new List<OciConnection>(list.Count);
            foreach (var c in list)
            {
                if (c.Connected) open.Add(c);
                else WriteError(OciErrors.ConnectionClosed(c));
            }
            return open;
        }

        /// <summary>
        /// Runs <paramref name="call"/> and returns its result; null when it failed, after the error was written
        /// (non-terminating: the pipeline goes on with the next target) or thrown (<paramref name="terminating"/>).
        /// <paramref name="target"/> is what the error names (what the user gave) and <paramref name="targetKind"/> what
        /// it is (for <c>Oci.ImageNotFound</c> and the like); <paramref name="progress"/>, when given, is ticked while the
        /// call runs and closed however it ends. Ctrl+C stops the pipeline at once; a result that arrives after that and
        /// can be disposed (a connection) is disposed.
        /// </summary>
        internal T? Invoke<T>(Func<CancellationToken, Task<T>> call, object? target, bool terminating, OciKind? targetKind = null,
            PullProgress? progress = null, Func<OciException, ErrorRecord>? describe = null) where T : class
        {
            Task<T>? pending = null;
            ErrorRecord record;
            try
            {
                var result = Pump.Run(() => call(StopToken), StopToken, progress?.Interval ?? Timeout.InfiniteTimeSpan, progress is null ? null : progress.Tick, out pending);
                progress?.Complete((result as OciResponse)?.Status);
                return result;
            }
            catch (Exception e) when (IsStop(e))
            {
                progress?.Complete();
                pending?.ContinueWith(t => (t.Result as IDisposable)?.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                throw new PipelineStoppedException();
            }
            catch (Exception e) when (e is not PipelineStoppedException)
            {
                record = e is OciException oci && describe is not null ? describe(oci) : Record(e, target, targetKind);
            }
            progress?.Complete("Failed");
            if (terminating) ThrowTerminatingError(record);
            else WriteError(record);
            return null;
        }

        /// <summary>
        /// Runs <paramref name="call"/> on every connection at once (a read across a fleet), then, in the order of
        /// <paramref name="connections"/>, hands each answer to <paramref name="write"/> or writes its failure as a
        /// non-terminating error naming <paramref name="target"/> (default: the connection).
        /// </summary>
        internal void InvokeEach<T>(IReadOnlyList<OciConnection> connections, Func<OciConnection, CancellationToken, Task<T>> call,
            Action<OciConnection, T> write, Func<OciConnection, object?>? target = null, OciKind? targetKind = null)
        {
            async Task<(T Result, Exception? Error)> Safe(OciConnection c, CancellationToken ct)
            {
                try
                {
                    return (await call(c, ct).ConfigureAwait(false), null);
                }
                catch (Exception e)
                {
                    return (default!, e);
                }
            }

            (T Result, Exception? Error)[] answers;
            try
            {
                answers = Pump.Run(() => Task.WhenAll(connections.Select(c => Safe(c, StopToken))), StopToken);
            }
            catch (Exception e) when (IsStop(e))
            {
                throw new PipelineStoppedException();
            }
            if (StopToken.IsCancellationRequested) throw new PipelineStoppedException();
            for (var i = 0; i < connections.Count; i++)
            {
                if (answers[i].Error is { } error)
                {
                    if (IsStop(error)) throw new PipelineStoppedException();
                    WriteError(Record(error, target?.Invoke(connections[i]) ?? connections[i], targetKind));
                }
                else
                {
                    write(connections[i], answers[i].Result);
                }
            }
        }

        /// <summary>
        /// Gets <paramref name="id"/> (a <paramref name="kind"/>) with INSPECT from every connection at once and writes what
        /// answered. An id names a thing on (usually) one engine: NotFound from some engines is no error, from all of them
        /// it is <c>Oci.&lt;Kind&gt;NotFound</c> naming the id.
        /// </summary>
        internal void InspectEach(IReadOnlyList<OciConnection> connections, string id, OciKind kind)
        {
            var found = false;
            InvokeEach(connections,
                async (c, ct) =>
                {
                    try
                    {
                        return await c.Client.ExecuteAsync(new OciRequest(OciMethods.Inspect, kind, id), ct).ConfigureAwait(false);
                    }
                    catch (OciException e) when (e.Kind == OciErrorKind.NotFound)
                    {
                        return null;
                    }
                },
                (c, response) =>
                {
                    if (response is null) return;
                    found = true;
                    Emit(response.Data!, c);
                },
                _ => id, kind);
            if (!found) WriteError(NoneFound(id, connections, kind));
        }

        /// <summary>The error of a literal name or id that no engine has: <c>Oci.&lt;Kind&gt;NotFound</c> naming it and the engines asked.</summary>
        internal static ErrorRecord NoneFound(string name, IReadOnlyList<OciConnection> connections, OciKind kind) =>
            OciErrors.From(new OciException(OciErrorKind.NotFound,
                $"No {kind.ToString().ToLowerInvariant()} matches '{name}' on {string.Join(", ", connections.Select(c => c.Name))}.", name), name, kind);

        /// <summary>
        /// Reads a stream on the thread pool and hands each item to <paramref name="write"/> on the pipeline thread as it
        /// arrives (a fast stream waits for the pipeline rather than filling memory). <paramref name="read"/> is the core's
        /// callback reader (<c>client.ForEachAsync&lt;T&gt;(request, onItem, ct)</c>): the module never names
        /// <c>IAsyncEnumerable</c>, which its netstandard2.0 build and Oci.Core's closure may bind from different assemblies.
        /// Ends when the stream does; Ctrl+C stops it within a moment; a failure is written (or thrown when
        /// <paramref name="terminating"/>) as by <see cref="Invoke{T}"/>. Returns false when it failed.
        /// </summary>
        internal bool InvokeStream<T>(Func<Func<T, Task>, CancellationToken, Task> read, Action<T> write, object? target, bool terminating = false, OciKind? targetKind = null)
        {
            async Task<object> ReadAsync()
            {
                await read(item => Pump.PostAsync(() => write(item), StopToken), StopToken).ConfigureAwait(false);
                return true;
            }

            return Invoke(_ => ReadAsync(), target, terminating, targetKind) is not null;
        }

        /// <summary>
        /// Runs a synchronous step that may refuse its input (building a request, converting a credential): an
        /// <see cref="OciException"/> becomes a terminating error naming <paramref name="target"/>.
        /// </summary>
        internal T Checked<T>(Func<T> step, object? target)
        {
            try
            {
                return step();
            }
            catch (OciException e)
            {
                ThrowTerminatingError(OciErrors.From(e, target ?? e.Target));
                throw; // unreachable: ThrowTerminatingError throws
            }
        }

        /// <summary>
        /// A wildcard pattern (case-insensitive); one that does not parse, or is longer than <see cref="OciLimits.MaxNameLength"/>,
        /// is a terminating <c>Oci.InvalidWildcard</c> error naming it.
        /// </summary>
        internal WildcardPattern Pattern(string pattern)
        {
            if (pattern.Length > OciLimits.MaxNameLength)
                ThrowTerminatingError(OciErrors.InvalidWildcard(pattern.Substring(0, 100) + "…",
                    new ArgumentException($"the pattern is {pattern.Length} characters long; at most {OciLimits.MaxNameLength} are accepted.")));
            var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            try
            {
                wildcard.IsMatch(string.Empty); // the pattern is parsed on first use
            }
            catch (WildcardPatternException e)
            {
                ThrowTerminatingError(OciErrors.InvalidWildcard(pattern, e));
            }
            return wildcard;
        }

        /// <summary>
        /// Writes a core object with the connection it came from as its <c>Connection</c> note property, so the next
        /// cmdlet in the pipeline reaches the same engine (<c>-Connection</c> binds by property name) and views can say
        /// which engine each object is from.
        /// </summary>
        internal void Emit(object item, OciConnection connection) => WriteObject(WithConnection(item, connection));

        internal static PSObject WithConnection(object item, OciConnection connection)
        {
            var pso = PSObject.AsPSObject(item);
            if (pso.Properties[ConnectionProperty] is PSNoteProperty existing) existing.Value = connection;
            else pso.Properties.Add(new PSNoteProperty(ConnectionProperty, connection));
            return pso;
        }

        /// <summary>The one mapping of a failed core call to an ErrorRecord (an <see cref="OciException"/>, or a bug kept as it is).</summary>
        internal static ErrorRecord Record(Exception e, object? target, OciKind? targetKind = null) =>
            e is OciException oci ? OciErrors.From(oci, target ?? oci.Target, targetKind) : OciErrors.Unexpected(e, target);

        private bool IsStop(Exception e) =>
            StopToken.IsCancellationRequested && e is OperationCanceledException or OciException { Kind: OciErrorKind.Cancelled } or PipelineStoppedException;

        /// <summary>
        /// Ends the pump and cancels whatever core call is still going: a command downstream that stopped the pipeline
        /// (<c>Select-Object -First</c>) leaves a followed stream open otherwise, its connection held for good. The
        /// cancellation source is deliberately not disposed: a call abandoned on Ctrl+C may still be unwinding on the
        /// thread pool with its token (it owns no timer or handle, so the GC reclaims it).
        /// </summary>
        public void Dispose()
        {
            _stopping.Cancel();
            _pump.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
