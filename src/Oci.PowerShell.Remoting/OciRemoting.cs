using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;

namespace Oci.PowerShell.Remoting
{
    /// <summary>
    /// What the module's session cmdlets call (src/Oci.PowerShell/Internal/SessionRemoting.cs binds these by name, as
    /// delegates: the module, built for netstandard2.0, cannot reference this net10.0 assembly).
    /// </summary>
    public static class OciRemoting
    {
        /// <summary>The transport name Get-PSSession shows.</summary>
        public const string TransportName = "Oci";

        // The default type files, loaded once: every session's serializer reads them (New-PSSession shares its runspace's the same way).
        private static readonly Lazy<TypeTable> Types = new(TypeTable.LoadDefaultTypeFiles, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>
        /// Opens a remote runspace to <c>pwsh -s</c> in <paramref name="container"/> through <paramref name="client"/>'s
        /// engine. Failures are <see cref="OciException"/>s (the engine's, or the transport's: pwsh missing, no answer
        /// within <paramref name="timeout"/>, pwsh ended); cancelling closes what was opened.
        /// </summary>
        public static async Task<Runspace> OpenAsync(OciClient client, string container, string computerName, string? user, TimeSpan timeout, PSHost? host, CancellationToken cancellationToken)
        {
            var info = new OciExecConnectionInfo(client, container, computerName, user, timeout);
            var runspace = RunspaceFactory.CreateRunspace(info, host, Types.Value);
            var settled = new TaskCompletionSource<RunspaceStateInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
            runspace.StateChanged += (_, e) =>
            {
                if (e.RunspaceStateInfo.State is RunspaceState.Opened or RunspaceState.Broken or RunspaceState.Closed)
                    settled.TrySetResult(e.RunspaceStateInfo);
            };
            try
            {
                runspace.OpenAsync();
                RunspaceStateInfo state;
                using (cancellationToken.Register(() => settled.TrySetCanceled(cancellationToken)))
                    state = await settled.Task.ConfigureAwait(false);
                if (state.State == RunspaceState.Opened) return runspace;
                throw Failure(state.Reason, container, computerName);
            }
            catch
            {
                runspace.Dispose();
                throw;
            }
        }

        /// <summary>
        /// The PSSession of an opened runspace, named <paramref name="name"/> when given; listed by Get-PSSession when
        /// <paramref name="cmdlet"/> is given (PowerShell's session repository is the cmdlet's).
        /// </summary>
        public static PSSession Register(Runspace runspace, PSCmdlet? cmdlet, string? name)
        {
            var session = PSSession.Create(runspace, TransportName, cmdlet);
            if (!string.IsNullOrEmpty(name)) session.Name = name;
            return session;
        }

        /// <summary>The transport's own error, when it raised one; otherwise PowerShell's reason, as an OciException.</summary>
        private static OciException Failure(Exception? reason, string container, string computerName)
        {
            for (var e = reason; e is not null; e = e.InnerException)
                if (e is OciException oci) return oci;
            return new OciException(OciErrorKind.EngineError,
                $"The PowerShell session in container '{computerName}' could not be opened: {reason?.Message ?? "the runspace closed"}", container, reason?.Message, innerException: reason);
        }
    }
}
