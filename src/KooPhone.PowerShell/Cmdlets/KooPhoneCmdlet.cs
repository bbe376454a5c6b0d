using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Connection;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// A cmdlet that makes single calls (listing, ordering, reading tasks): -Context, and the
    /// members its work needs from the helpers it composes: <see cref="CallScope"/> (cancellation,
    /// traces, awaiting), <see cref="ContextResolver"/> and <see cref="Confirmation"/>. Batch
    /// cmdlets compose the same helpers in BatchCmdlet.
    /// </summary>
    public abstract class KooPhoneCmdlet : PSCmdlet, IDisposable
    {
        private KooPhoneApiClient? _api;

        protected KooPhoneCmdlet() => Calls = new CallScope(this);

        /// <summary>
        /// <para type="description">The connection to use instead of the default one: the object Connect-KooPhone -PassThru returns, or the name of a connection of this session (Get-KooPhoneContext -ListAvailable lists them). Lets one script work with several tenants. A context works in Start-ThreadJob and ForEach-Object -Parallel ($using:context); one that went through Start-Job or remoting carries no credentials and is refused with an error that says so.</para>
        /// </summary>
        [Parameter]
        [ContextTransformation]
        public KooPhoneContext? Context { get; set; }

        private protected CallScope Calls { get; }

        protected CancellationToken StopToken => Calls.Token;

        /// <summary>The API client of this call, over the resolved context.</summary>
        private protected KooPhoneApiClient Api => _api ??= new KooPhoneApiClient(ContextResolver.Resolve(this, Context), Calls.Traces);

        protected T Await<T>(Task<T> task) => Calls.Await(task);

        protected void Await(Task task) => Calls.Await(task);

        protected void WriteTraces() => Calls.WriteTraces();

        protected bool ConfirmWithForce(string target, string action, bool force) => Confirmation.WithForce(this, target, action, force);

        protected override void StopProcessing() => Calls.Stop();

        public void Dispose() => Calls.Dispose();
    }
}
