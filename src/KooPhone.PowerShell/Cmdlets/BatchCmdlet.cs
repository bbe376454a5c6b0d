using System;
using System.Management.Automation;
using System.Threading;
using KooPhone.Client.Api;
using KooPhone.Client.Connection;
using KooPhone.Client.Runs;
using KooPhone.Client.Runs.Blob;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// The shape of every cmdlet that acts on many items (instance ids, user–instance pairs): its
    /// parameters, and what a concrete cmdlet says (the engine call it runs, how an item is
    /// confirmed, what follows its results with -Wait). The run itself (deduplication, journal,
    /// batching, settling, run record, stopping, -Wait) is the engine's BatchRun; this class
    /// binds, confirms and writes what the run hands back through one <see cref="RunWriter"/>.
    /// It declares -Context itself, like KooPhoneCmdlet, so that no concrete cmdlet is more than
    /// three classes from PSCmdlet.
    /// </summary>
    public abstract class BatchCmdlet<TItem, TResponse> : PSCmdlet, IDisposable
    {
        private KooPhoneApiClient? _api;
        private BatchRun<TItem, TResponse>? _run;
        private RunWriter? _writer;

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
        /// <para type="description">One run at a time holds a journal. While it runs, another run given the same journal, in this PowerShell or another process, stops before sending anything with one terminating error, KooPhone.JournalInUse (category ResourceBusy), which names the journal and the run that holds it: process id, host, user, start time and command. The hold is an operating-system lock on a file beside the journal (the journal's name followed by .lock, whose text names the holder) and ends with its process, so a killed run leaves nothing to clean up; the .lock file stays. A journal that cannot be created or written is refused the same way (KooPhone.JournalUnwritable), as is one another operation wrote (KooPhone.JournalOtherOperation): give each command a journal of its own. An entry belongs to its operation and its target: the instance, and for Grant, Revoke and Restore the user too, so an entry for the same instance with another user says nothing about this pair.</para>
        /// <para type="description">A journal a crash damaged is read around, and one warning names the journal and what could not be taken as written. Lines that cannot be read (NUL bytes a file system left, a hand-edited line) are counted, the first few by number, and left out: an id whose only entries they held counts as not in the journal. A last line cut off before its end (a killed process, a full disk) counts as "intent written, outcome unknown" for the id it names: that id is read back from its state like any other sent without a recorded answer, never sent blindly nor taken as done, and the cut line is written again whole, as sent, before the run appends anything. A cut line whose id cannot be read is counted with the unreadable lines and dropped.</para>
        /// <para type="description">In Azure Automation, give an Azure Blob URL instead (https://ACCOUNT.blob.core.windows.net/CONTAINER/NAME, or any blob endpoint such as Azurite's http://127.0.0.1:10000/devstoreaccount1/CONTAINER/NAME): the journal is then an append blob that outlives the sandbox, with the same records and the same guarantees. Its container must exist. It is reached with a SAS in the URL; else with AZURE_STORAGE_CONNECTION_STRING when that names the URL's account; else with the managed identity of the Automation account (user-assigned when KOOPHONE_JOURNAL_CLIENT_ID or AZURE_CLIENT_ID gives its client id), which needs the role Storage Blob Data Contributor. One run holds it through a blob lease, renewed while it runs and lapsing within a minute of a killed run; a second run gets KooPhone.JournalInUse. Messages name the blob without the URL's query, so a SAS is never shown (docs/runbooks.md).</para>
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        private protected CallScope Calls { get; }

        protected CancellationToken StopToken => Calls.Token;

        /// <summary>The API client of this call, over the resolved context.</summary>
        private protected KooPhoneApiClient Api => _api ??= new KooPhoneApiClient(ContextResolver.Resolve(this, Context), Calls.Traces);

        /// <summary>How many items one API call carries: -BatchSize, or 1 for single-instance operations.</summary>
        protected abstract int ItemsPerCall { get; }

        /// <summary>The operation's name in messages and progress, e.g. "Backup". Display only: results name the API operation the engine reports.</summary>
        protected abstract string ActionName { get; }

        /// <summary>The operation every call of this cmdlet makes, as the engine declares it (BatchCalls): what decides the request, retries, reconciliation and the run record.</summary>
        internal abstract BatchCall<TItem, TResponse> Call { get; }

        /// <summary>Where items wait when nothing may be sent before the input has ended (Remove); null to send each batch as it fills.</summary>
        internal virtual IItemHold<TItem>? Hold => null;

        /// <summary>With -Wait, what follows the results to their end; null without.</summary>
        internal virtual IRunFollower? Follower() => null;

        /// <summary>Asks whether this item may be acted on; -WhatIf answers no. Read-only cmdlets answer yes.</summary>
        protected abstract bool Confirm(TItem item);

        /// <summary>What a call must not mix (the region of an instance, when its object says): null when anything may go together.</summary>
        protected virtual string? PartitionOf(TItem item) => null;

        /// <summary>Hands one checked item to the run under its key (what makes two items the same), unless seen, resumed or declined.</summary>
        protected void Submit(TItem item, string key)
        {
            var run = _run!;
            if (run.Admit(item, key) && Confirm(item))
            {
                Calls.Stoppable(() =>
                {
                    run.Take(item);
                    return true;
                });
            }

            _writer!.Write(run.TakeEvents());
        }

        /// <summary>Writes the error of an item refused before anything was sent (a bad id), and keeps it in the run record.</summary>
        protected void Refuse(ErrorRecord error, string? instanceId)
        {
            WriteError(error);
            _run!.Refused(instanceId, error.FullyQualifiedErrorId.Split(',')[0], error.Exception.Message);
        }

        protected bool ConfirmWithForce(string target, string action, bool force) => Confirmation.WithForce(this, target, action, force);

        protected void WriteTraces() => Calls.WriteTraces();

        protected override void BeginProcessing()
        {
            var api = Api;
            var call = Call;
            var readOnlyJournal = JournalPath != null && !call.Operation.ChangesState;
            var options = new RunOptions<TItem>
            {
                Command = MyInvocation.MyCommand.Name,
                ActionName = ActionName,
                ItemsPerCall = ItemsPerCall,
                ThrottleLimit = ThrottleLimit,
                JournalPath = JournalPath == null || readOnlyJournal ? null : BlobJournalUrl.IsUrl(JournalPath) ? JournalPath : GetUnresolvedProviderPathFromPSPath(JournalPath),
                StopOnFirstError = RunStopText.StopsOnFirstError(this),
                CredentialSource = RunStopText.CredentialSource(this, api.Context),
                Hold = Hold,
                PartitionOf = PartitionOf,
                Follower = Follower(),
                Log = Calls.QueueVerbose,
                CallCounts = () => Calls.CallCounts,
            };
            _writer = new RunWriter(this, Calls, ActionName);
            try
            {
                _run = Calls.Stoppable(() => new BatchRun<TItem, TResponse>(api, call, options, StopToken));
            }
            catch (JournalRefusedException e)
            {
                // Held by another run, not writable, or another operation's: nothing was sent.
                ThrowTerminatingError(ErrorRecords.JournalRefused(e));
                return;
            }
            catch (RunRecordsUnavailableException e)
            {
                ThrowTerminatingError(ErrorRecords.RunRecordsUnavailable(e));
                return;
            }

            if (readOnlyJournal)
            {
                // The refused run is still in the record (Dispose closes it).
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-JournalPath is for cmdlets that change state; {MyInvocation.MyCommand.Name} only reads."), "KooPhone.JournalNotApplicable", ErrorCategory.InvalidArgument, BlobJournalUrl.Redact(JournalPath!)));
            }

            _writer.Write(_run.TakeEvents());
        }

        protected override void EndProcessing() => _writer?.Write(_run!.Complete());

        protected override void StopProcessing() => Calls.Stop();

        public void Dispose()
        {
            // A run that stopped (Ctrl+C, a terminating error, a pipeline ended downstream) still
            // records every id it took; the pipeline is gone, so its summary is kept on the run record only.
            // Its calls are cancelled first, and it waits for them to end: a cmdlet that returns has
            // finished talking to the service.
            if (_run != null && !_run.IsClosed)
            {
                Calls.Stop();
                _run.Dispose();
                RunStopText.Show(this, _run.Record.StopNote);
            }

            Calls.Dispose();
        }
    }
}
