using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Waiting;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// The shape of every cmdlet that acts on many items (instance ids, user–instance pairs): its
    /// parameters, and the hooks a concrete cmdlet fills in (its operation, how one batch is sent,
    /// what to write of an answer). The work is done by helpers it composes: <see cref="BatchRun{TItem, TResponse}"/>
    /// (deduplication, journal, confirmation, batching, stopping), <see cref="BatchOutput{TItem}"/>
    /// (results and -Wait), <see cref="RunLedger"/> (run record and journal) and <see cref="CallScope"/>
    /// (cancellation and traces). It declares -Context itself, like KooPhoneCmdlet, so that no
    /// concrete cmdlet is more than three classes from PSCmdlet.
    /// </summary>
    public abstract class BatchCmdlet<TItem, TResponse> : PSCmdlet, IDisposable, IBatchHooks<TItem, TResponse>
    {
        private KooPhoneApiClient? _api;
        private BatchRun<TItem, TResponse>? _run;
        private RunLedger? _ledger;

        protected BatchCmdlet() => Calls = new CallScope(this);

        /// <summary>
        /// <para type="description">The connection to use instead of the default one: the object Connect-KooPhone -PassThru returns, or the name of a connection of this session (Get-KooPhoneContext -ListAvailable lists them). Lets one script work with several tenants. A context works in Start-ThreadJob and ForEach-Object -Parallel ($using:context); one that went through Start-Job or remoting carries no credentials and is refused with an error that says so.</para>
        /// </summary>
        [Parameter]
        [ContextTransformation]
        public KooPhoneContext? Context { get; set; }

        /// <summary>
        /// <para type="description">How many API calls may be in flight at once, 1 to 64. The default, 4, is gentle on the service's unpublished rate limits; raise it for large fleets.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>
        /// <para type="description">A journal file for restart-safe reruns, for cmdlets that change state. Before each call its ids are written to it as sent (and flushed), and after it their outcome; it doubles as an audit trail (who, when, request and task ids, outcome). Run the same command again with the same journal after an interruption (Ctrl+C, a killed process, an Automation job restarted from the top): ids already done are not sent again, and their recorded results are written again (Evidence says so); ids whose outcome was never recorded are read back from the instances' state, sent again only if it shows them untouched, and otherwise reported as Unknown, never sent blindly; running tasks are waited for again with -Wait. Keep the file on storage that outlives the machine (a Hybrid Worker's disk, a mounted share): an Automation sandbox loses its local files.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        private protected CallScope Calls { get; }

        /// <summary>Where results go: written, or followed with -Wait, and kept in the run record.</summary>
        private protected BatchOutput<TItem> Output { get; private set; } = null!;

        protected CancellationToken StopToken => Calls.Token;

        /// <summary>The API client of this call, over the resolved context.</summary>
        protected KooPhoneApiClient Api => _api ??= new KooPhoneApiClient(ContextResolver.Resolve(this, Context), Calls.Traces);

        /// <summary>How many items one API call carries: -BatchSize, or 1 for single-instance operations.</summary>
        protected abstract int ItemsPerCall { get; }

        /// <summary>The operation's name in messages and progress, e.g. "Backup". Display only: results name the API operation the engine reports.</summary>
        protected abstract string ActionName { get; }

        /// <summary>The API operation every call of this cmdlet makes: what decides retries, reconciliation and the run record.</summary>
        protected abstract KooPhoneOperation Operation { get; }

        /// <summary>Ids never sent by a cmdlet that holds them back (Remove) go in the run record as NotSent when the run stops.</summary>
        protected virtual IEnumerable<TItem> HeldBack => Array.Empty<TItem>();

        KooPhoneOperation IBatchHooks<TItem, TResponse>.Operation => Operation;

        string IBatchHooks<TItem, TResponse>.ActionName => ActionName;

        int IBatchHooks<TItem, TResponse>.ItemsPerCall => ItemsPerCall;

        IEnumerable<TItem> IBatchHooks<TItem, TResponse>.HeldBack => HeldBack;

        protected abstract Task<TResponse> SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<TItem> items, CancellationToken cancellationToken);

        /// <summary>Writes (or keeps) the results of a batch the service accepted.</summary>
        protected abstract void OnBatchSucceeded(IReadOnlyList<TItem> items, TResponse response);

        /// <summary>The instance (and user) an item acts on: what errors name, reconciliation reads and the run record keeps.</summary>
        protected abstract InstanceTarget TargetOf(TItem item);

        /// <summary>Asks whether this item may be acted on; -WhatIf answers no. Read-only cmdlets answer yes.</summary>
        protected abstract bool Confirm(TItem item);

        /// <summary>What a call must not mix (the region of an instance, when its object says): null when anything may go together.</summary>
        protected virtual string? PartitionOf(TItem item) => null;

        /// <summary>What happens to a confirmed item: it is sent at once (in its batch), unless a cmdlet holds it back.</summary>
        protected virtual void Accept(TItem item) => Send(item);

        Task<TResponse> IBatchHooks<TItem, TResponse>.SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<TItem> items, CancellationToken cancellationToken) => SendBatchAsync(api, items, cancellationToken);

        void IBatchHooks<TItem, TResponse>.OnBatchSucceeded(IReadOnlyList<TItem> items, TResponse response) => OnBatchSucceeded(items, response);

        InstanceTarget IBatchHooks<TItem, TResponse>.TargetOf(TItem item) => TargetOf(item);

        bool IBatchHooks<TItem, TResponse>.Confirm(TItem item) => Confirm(item);

        string? IBatchHooks<TItem, TResponse>.PartitionOf(TItem item) => PartitionOf(item);

        void IBatchHooks<TItem, TResponse>.Accept(TItem item) => Accept(item);

        /// <summary>Queues one checked item under its key (what makes two items the same), unless seen or declined.</summary>
        protected void Submit(TItem item, string key) => _run!.Submit(item, key);

        /// <summary>Hands one item to the batching engine; a full batch is sent at once.</summary>
        protected void Send(TItem item) => _run!.Send(item);

        protected bool ConfirmWithForce(string target, string action, bool force) => Confirmation.WithForce(this, target, action, force);

        protected void WriteTraces() => Calls.WriteTraces();

        /// <summary>For calls that answer only "accepted": one result per item, named after the API operation that carried it.</summary>
        protected void WriteActionResults(IEnumerable<string> instanceIds, ActionReceipt receipt, string? userId = null) => Output.Accepted(instanceIds, receipt, userId);

        /// <summary>An item the service accepted but did not answer for still ends as one error record.</summary>
        protected void WriteMissing(object target, string message) => Output.Missing(target, message);

        /// <summary>For operations answered with a task: job results from now on, with -Wait followed (task query, then the operations' state fallbacks) until their jobs end.</summary>
        private protected void WriteJobs(bool wait, string activity, int timeoutSeconds) =>
            Output.WritesJobs(wait
                ? new WaitStream<KooPhoneJobResult>(this, new JobWaiter(Api, Array.Empty<KooPhoneJobResult>(), JobStatusFallbacks.Create(ThrottleLimit), ThrottleLimit), activity, new PollPacer(Api.Clock, TimeSpan.FromSeconds(timeoutSeconds)), StopToken, WriteTraces)
                : null);

        protected override void BeginProcessing()
        {
            var api = Api;
            var ledger = _ledger = new RunLedger(this, Operation);
            Output = new BatchOutput<TItem>(this, ledger, TargetOf, Operation, ActionName);
            _run = new BatchRun<TItem, TResponse>(this, this, Calls, api, ThrottleLimit, JournalPath, ledger, Output);
        }

        protected override void EndProcessing()
        {
            _run?.Complete();
            Output?.Waiting?.Finish();
            _run?.Close(writeSummary: true);
        }

        protected override void StopProcessing() => Calls.Stop();

        public void Dispose()
        {
            // A run that stopped (Ctrl+C, a terminating error) still records every id it took;
            // the pipeline is gone, so its summary is kept on the run record only.
            // A run refused before it began (-JournalPath on a cmdlet that only reads) still closes its record.
            _run?.Close(writeSummary: false);
            _ledger?.Close(Calls.CallCounts, writeSummary: false);
            Calls.Dispose();
        }
    }
}
