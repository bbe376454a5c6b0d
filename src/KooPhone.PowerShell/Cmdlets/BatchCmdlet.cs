using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Models;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Runs;
using KooPhone.Client.Waiting;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// The shape of every cmdlet that acts on many items (instance ids, user–instance pairs): each
    /// item is checked, duplicates dropped, confirmed, and handed to the engine's BatchDispatcher,
    /// which sends full batches at once with at most -ThrottleLimit calls in flight. Results are
    /// written on the pipeline thread as batches end. Every item given ends as exactly one output
    /// object or one error record.
    /// </summary>
    public abstract class BatchCmdlet<TItem, TResponse> : KooPhoneCmdlet
    {
        private const int ProgressId = 1;
        private readonly SeenKeys _seen = new SeenKeys();
        private readonly HashSet<string> _recordedInPart = new HashSet<string>(StringComparer.Ordinal);
        private BatchDispatcher<TItem, IReadOnlyList<BatchPart<TItem, TResponse>>>? _dispatcher;
        private RunRecorder? _record;
        private RunStop? _stop;
        private JournalKeeper? _journal;
        private Dictionary<string, ReconcileOutcome>? _resumed;
        private int _accepted;
        private int _answered;
        private ProgressLine? _progress;

        // The total is known only once the input has ended; until then progress shows no percentage.
        private bool _inputEnded;

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

        /// <summary>How many items one API call carries: -BatchSize, or 1 for single-instance operations.</summary>
        protected abstract int ItemsPerCall { get; }

        /// <summary>The operation's name in messages and progress, e.g. "Backup". Display only: results name the API operation the engine reports.</summary>
        protected abstract string ActionName { get; }

        /// <summary>The API operation every call of this cmdlet makes: what decides retries, reconciliation and the run record.</summary>
        protected abstract KooPhoneOperation Operation { get; }

        /// <summary>Sends one batch.</summary>
        protected abstract Task<TResponse> SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<TItem> items, CancellationToken cancellationToken);

        /// <summary>Writes (or keeps) the results of a batch the service accepted.</summary>
        protected abstract void OnBatchSucceeded(IReadOnlyList<TItem> items, TResponse response);

        /// <summary>The instance (and user) an item acts on: what errors name, reconciliation reads and the run record keeps.</summary>
        protected abstract InstanceTarget TargetOf(TItem item);

        /// <summary>Asks whether this item may be acted on; -WhatIf answers no. Read-only cmdlets answer yes.</summary>
        protected abstract bool Confirm(TItem item);

        protected override void BeginProcessing()
        {
            var api = Api;
            _record = RunRecords.Start(MyInvocation.MyCommand.Name, Operation.Name);
            var reconciler = Operation.ChangesState ? new StateReconciler(api, ThrottleLimit) : null;
            OpenJournal(reconciler);
            var journal = _journal;
            var settler = new BatchSettler<TItem, TResponse>(Operation, (items, ct) =>
            {
                // Written and flushed before the call goes out.
                journal?.Intent(items.Select(TargetOf));
                return SendBatchAsync(api, items, ct);
            }, TargetOf, reconciler, QueueVerbose);
            _progress = new ProgressLine(this, ProgressId, ActionName);
            var stop = _stop = new RunStop(this, api.Context, ActionName, ThrottleLimit);
            _dispatcher = new BatchDispatcher<TItem, IReadOnlyList<BatchPart<TItem, TResponse>>>(ItemsPerCall, ThrottleLimit, settler.SendAsync, StopToken,
                batch => stop.Inspect(batch.Succeeded ? batch.Response!.Select(p => (p.Kind, p.Error)) : new[] { (BatchPartKind.Failed, batch.Error) }));
        }

        /// <summary>Queues one checked item under its key (what makes two items the same), unless seen or declined.</summary>
        protected void Submit(TItem item, string key)
        {
            if (!_seen.Add(key))
            {
                WriteVerbose($"'{key}' was given more than once; it is sent once.");
                return;
            }

            if (_journal != null && Resume(item))
            {
                return;
            }

            if (!Confirm(item))
            {
                return;
            }

            _accepted++;
            Accept(item);
        }

        private void OpenJournal(StateReconciler? reconciler)
        {
            if (JournalPath == null)
            {
                return;
            }

            if (!Operation.ChangesState)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-JournalPath is for cmdlets that change state; {MyInvocation.MyCommand.Name} only reads."), "KooPhone.JournalNotApplicable", ErrorCategory.InvalidArgument, JournalPath));
            }

            _journal = new JournalKeeper(GetUnresolvedProviderPathFromPSPath(JournalPath), Operation.Name, _record!.Run.Id);
            var doubtful = _journal.Doubtful;
            if (doubtful.Count == 0)
            {
                return;
            }

            // What earlier runs sent without recording the answer is read back from state once, up front.
            WriteVerbose($"The journal holds {doubtful.Count} id(s) sent without a recorded answer; reading their state.");
            var targets = doubtful.Select(e => new InstanceTarget(e.InstanceId, e.UserId)).ToList();
            var since = doubtful.Min(e => e.SubmittedAt ?? e.At);
            var outcomes = reconciler != null && reconciler.CanReconcile(Operation)
                ? Await(reconciler.ReconcileAsync(Operation, targets, since, new CallCount(), StopToken))
                : targets.Select(t => new ReconcileOutcome(t, StateVerdict.Unknown, $"{Operation.Name} leaves no trace in the instance's state to check")).ToList();
            _resumed = outcomes.ToDictionary(o => o.Target.InstanceId, StringComparer.Ordinal);
        }

        /// <summary>
        /// An id the journal already knows: done ones are written again from it, doubtful ones are
        /// settled by the state read up front. False when the id is to be sent.
        /// </summary>
        private bool Resume(TItem item)
        {
            var target = TargetOf(item);
            if (!_journal!.Last.TryGetValue(target.InstanceId, out var entry))
            {
                return false;
            }

            if (entry.Outcome == RunOutcome.Result)
            {
                WriteResumed(item, entry);
                return true;
            }

            if ((entry.Outcome != RunOutcome.Sent && entry.Outcome != RunOutcome.Unknown) || _resumed == null || !_resumed.TryGetValue(target.InstanceId, out var verdict))
            {
                return false;
            }

            var sentAt = entry.SubmittedAt ?? entry.At;
            switch (verdict.Verdict)
            {
                case StateVerdict.Untouched:
                    return false;
                case StateVerdict.Done:
                    OnItemsDone(BatchPart<TItem, TResponse>.Done(new[] { item }, new[] { verdict.Evidence }, new UnsettledInJournalException(Operation.Name, sentAt, "the instance's state shows it was carried out"), sentAt));
                    return true;
                default:
                    WriteErrors(new[] { item }, new UnsettledInJournalException(Operation.Name, sentAt, verdict.Evidence), RunOutcome.Unknown, sentAt);
                    return true;
            }
        }

        /// <summary>Writes again the result an earlier run recorded in the journal. By default an accepted result; task cmdlets write job results (and follow them with -Wait).</summary>
        protected virtual void WriteResumed(TItem item, KooPhoneRunEntry entry)
        {
            var target = TargetOf(item);
            WriteActionResult(
                new KooPhoneActionResult
                {
                    InstanceId = target.InstanceId, Operation = Operation.Name, UserId = target.UserId, Status = entry.Status ?? "Accepted", RequestId = entry.RequestId,
                    At = entry.SubmittedAt ?? entry.At, Evidence = FromJournal(entry),
                },
                fromJournal: true);
        }

        /// <summary>What a result written again from the journal says about itself.</summary>
        protected static string FromJournal(KooPhoneRunEntry entry) =>
            $"From the journal: run {entry.RunId} recorded it at {entry.At:yyyy-MM-dd HH:mm:ss} UTC; it was not sent again.";

        /// <summary>What a call must not mix (the region of an instance, when its object says): null when anything may go together.</summary>
        protected virtual string? PartitionOf(TItem item) => null;

        /// <summary>What happens to a confirmed item: it is sent at once (in its batch), unless a cmdlet holds it back.</summary>
        protected virtual void Accept(TItem item) => Send(item);

        /// <summary>Hands one item to the batching engine; a full batch is sent at once.</summary>
        protected void Send(TItem item)
        {
            WriteBatches(Stoppable(() => _dispatcher!.Add(item, PartitionOf(item))));
            StopIfDue();
        }

        /// <summary>For calls that answer only "accepted": one result per item, named after the API operation that carried it.</summary>
        protected void WriteActionResults(IEnumerable<string> instanceIds, ActionReceipt receipt, string? userId = null)
        {
            foreach (var id in instanceIds)
            {
                WriteActionResult(
                    new KooPhoneActionResult { InstanceId = id, Operation = receipt.Operation.Name, UserId = userId, RequestId = receipt.RequestId, ServiceRequestId = receipt.ServiceRequestId, At = receipt.At },
                    fromJournal: false);
            }
        }

        /// <summary>Keeps an accepted result in the run record and writes it; a cmdlet that follows its results (Restart -Wait) takes them instead.</summary>
        protected virtual void WriteActionResult(KooPhoneActionResult result, bool fromJournal) => WriteObject(Recorded(result));

        /// <summary>
        /// Writes the items whose answer was lost but whose state shows the call was carried out.
        /// By default one accepted result each, saying what showed it; task cmdlets write job results.
        /// </summary>
        protected virtual void OnItemsDone(BatchPart<TItem, TResponse> part)
        {
            for (var i = 0; i < part.Items.Count; i++)
            {
                var target = TargetOf(part.Items[i]);
                WriteActionResult(
                    new KooPhoneActionResult
                    {
                        InstanceId = target.InstanceId, Operation = Operation.Name, UserId = target.UserId, RequestId = RequestIdOf(part.Error), At = part.SubmittedAt,
                        Evidence = DoneEvidence(part.Evidence![i]),
                    },
                    fromJournal: false);
            }
        }

        /// <summary>What a result carried out without its answer says about itself.</summary>
        protected static string DoneEvidence(string evidence) => "The answer was lost; the instance's state shows it was carried out: " + evidence + ".";

        /// <summary>The x-request-id of the call an error ended, when it names one.</summary>
        protected static string? RequestIdOf(Exception? error) =>
            error is KooPhoneApiException api ? api.RequestId : error is KooPhoneConnectionException connection ? connection.RequestId : null;

        /// <summary>An item the service accepted but did not answer for still ends as one error record.</summary>
        protected void WriteMissing(object target, string message)
        {
            var error = new InvalidOperationException($"{ActionName} of '{target}': {message}");
            WriteError(new ErrorRecord(error, "KooPhone.MissingResult", ErrorCategory.InvalidResult, target));
            Record(new InstanceTarget(target.ToString()!), RunOutcome.Error, errorCode: "KooPhone.MissingResult", message: message);
        }

        /// <summary>Writes the error of an item refused before anything was sent (a bad id), and keeps it in the run record.</summary>
        protected void WriteRefused(ErrorRecord error, string? instanceId)
        {
            WriteError(error);
            Record(new InstanceTarget(instanceId ?? ""), RunOutcome.Error, errorCode: error.FullyQualifiedErrorId.Split(',')[0], message: error.Exception.Message);
        }

        /// <summary>With -Wait: where job results go until their jobs end (set by cmdlets that have -Wait).</summary>
        private protected WaitStream<KooPhoneJobResult>? JobStream
        {
            get => _jobStream;
            set => Waiting = _jobStream = value;
        }

        private WaitStream<KooPhoneJobResult>? _jobStream;

        /// <summary>With -Wait: the stream pumped whenever the cmdlet has control and finished at the end (job results, or Restart's own).</summary>
        private protected IWaitStream? Waiting { get; set; }

        /// <summary>A -Wait stream for job results: the task query, with the operations' state fallbacks.</summary>
        private protected WaitStream<KooPhoneJobResult> NewJobStream(string activity, int timeoutSeconds) =>
            new WaitStream<KooPhoneJobResult>(this, new JobWaiter(Api, Array.Empty<KooPhoneJobResult>(), JobStatusFallbacks.Create(ThrottleLimit), ThrottleLimit),
                activity, TimeSpan.FromSeconds(timeoutSeconds), StopToken, WriteTraces);

        /// <summary>Keeps job results in the run record, and writes them, or with -Wait follows them until their jobs end.</summary>
        protected void WriteJobResults(IEnumerable<KooPhoneJobResult> results)
        {
            var recorded = results.Select(Recorded);
            if (JobStream != null)
            {
                JobStream.Add(recorded.ToList());
            }
            else
            {
                foreach (var result in recorded)
                {
                    WriteObject(result);
                }
            }
        }

        /// <summary>Keeps a job result in the run record as it passes.</summary>
        protected KooPhoneJobResult Recorded(KooPhoneJobResult result)
        {
            Record(new InstanceTarget(result.InstanceId), RunOutcome.Result, result.Status.ToString(), result.TaskId, result.JobId, result.RequestId, submittedAt: result.SubmittedAt);
            return result;
        }

        protected KooPhoneActionResult Recorded(KooPhoneActionResult result)
        {
            Record(new InstanceTarget(result.InstanceId, result.UserId), RunOutcome.Result, result.Status, requestId: result.RequestId, submittedAt: result.At, message: result.Evidence);
            return result;
        }

        /// <summary>One entry of the run record.</summary>
        protected void Record(
            InstanceTarget target, RunOutcome outcome, string? status = null, string? taskId = null, string? jobId = null, string? requestId = null,
            string? errorCode = null, string? message = null, DateTime? submittedAt = null)
        {
            _recordedInPart.Add(target.InstanceId);
            var entry = new KooPhoneRunEntry
            {
                InstanceId = target.InstanceId, UserId = target.UserId, Outcome = outcome, Status = status, TaskId = taskId, JobId = jobId,
                RequestId = requestId, ErrorCode = errorCode, Message = message, SubmittedAt = submittedAt,
            };
            _record?.Record(entry);
            _journal?.Outcome(entry);
        }

        protected override void EndProcessing()
        {
            _inputEnded = true;
            if (_dispatcher != null)
            {
                // Lazily, so each batch is written the moment it ends rather than after the last one.
                using (var remaining = _dispatcher.Complete().GetEnumerator())
                {
                    while (Stoppable(remaining.MoveNext))
                    {
                        WriteBatches(new[] { remaining.Current });
                        StopIfDue();
                    }
                }
            }

            _progress?.Complete();
            Waiting?.Finish();
            CloseRun();
        }

        /// <summary>Ids never sent by a cmdlet that holds them back (Remove) go in the run record as NotSent when the run stops.</summary>
        protected virtual IEnumerable<TItem> HeldBack => Array.Empty<TItem>();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // A run that stopped (Ctrl+C, a terminating error) still records every id it took;
                // the pipeline is gone, so its summary is kept on the run record only.
                CloseRun(writeSummary: false);
            }

            base.Dispose(disposing);
        }

        /// <summary>
        /// Records every id still open (those in flight may have been carried out, those not sent
        /// were not), closes the run record and, while the pipeline can take it, writes the run's
        /// summary (RunSummaryReporter). Once only.
        /// </summary>
        private void CloseRun(bool writeSummary = true)
        {
            if (_record == null)
            {
                return;
            }

            foreach (var (item, sentAt) in _dispatcher?.InFlightItems ?? Array.Empty<(TItem, DateTime)>())
            {
                Record(TargetOf(item), RunOutcome.Unknown, errorCode: ErrorRecords.OutcomeUnknown, message: "The run stopped while this call was in flight; the service may have acted on it.", submittedAt: sentAt);
            }

            foreach (var item in (_dispatcher?.Unsent ?? Array.Empty<TItem>()).Concat(HeldBack))
            {
                Record(TargetOf(item), RunOutcome.NotSent, errorCode: ErrorRecords.NotSent, message: "The run stopped before this id was sent.");
            }

            var (calls, attempts) = CallCounts;
            _record.CountCalls(calls, attempts);
            var run = _record.Run;
            _record.Dispose();
            _record = null;
            _journal?.Dispose();
            _journal = null;
            if (writeSummary)
            {
                RunSummaryReporter.Write(this, run);
            }
        }

        /// <summary>
        /// Ends a run that cannot or must not go on (RunStop): nothing more is sent, the calls in
        /// flight are waited for and their results written, then one terminating error says why and
        /// how many ids were not sent (the run record lists them as NotSent).
        /// </summary>
        private void StopIfDue()
        {
            if (_stop?.Why == null || _stop.Draining)
            {
                return;
            }

            _stop.Draining = true;
            foreach (var batch in Stoppable(() => _dispatcher!.Drain().ToList()))
            {
                WriteBatches(new[] { batch });
            }

            var notSent = _dispatcher!.Unsent.Count + HeldBack.Count();
            CloseRun();
            ThrowTerminatingError(_stop.Terminating(notSent));
        }

        private void WriteBatches(IEnumerable<CompletedBatch<TItem, IReadOnlyList<BatchPart<TItem, TResponse>>>> batches)
        {
            WriteTraces();
            foreach (var batch in batches)
            {
                _answered += batch.Items.Count;
                if (batch.Succeeded)
                {
                    foreach (var part in batch.Response!)
                    {
                        WritePart(part);
                    }
                }
                else
                {
                    ThrowIfStopping();
                    WriteErrors(batch.Items, batch.Error!, RunOutcome.Error);
                }

                var given = _inputEnded ? $"{_accepted}" : $"{_accepted} so far";
                _progress?.Write($"{_answered} of {given} answered, {_dispatcher!.InFlightCount} calls in flight", _answered, _inputEnded ? _accepted : (long?)null);
            }

            // Whenever the cmdlet has control, -Wait writes what has ended meanwhile.
            Waiting?.Pump();

            _record?.Flush();
            _journal?.Flush();
        }

        private void WritePart(BatchPart<TItem, TResponse> part)
        {
            _recordedInPart.Clear();
            switch (part.Kind)
            {
                case BatchPartKind.Answered:
                    OnBatchSucceeded(part.Items, part.Response!);
                    // What a cmdlet did not record itself (status queries, command output, app lists)
                    // is recorded as a plain result.
                    foreach (var item in part.Items)
                    {
                        var target = TargetOf(item);
                        if (!_recordedInPart.Contains(target.InstanceId))
                        {
                            Record(target, RunOutcome.Result, submittedAt: part.SubmittedAt);
                        }
                    }

                    break;
                case BatchPartKind.Done:
                    OnItemsDone(part);
                    break;
                case BatchPartKind.Unknown:
                    WriteErrors(part.Items, part.Error!, RunOutcome.Unknown, part.SubmittedAt);
                    break;
                default:
                    WriteErrors(part.Items, part.Error!, RunOutcome.Error, part.SubmittedAt);
                    break;
            }
        }

        private void WriteErrors(IReadOnlyList<TItem> items, Exception error, RunOutcome outcome, DateTime? submittedAt = null)
        {
            foreach (var item in items)
            {
                var target = TargetOf(item);
                var record = outcome == RunOutcome.Unknown ? ErrorRecords.Unknown(error, target.InstanceId, ActionName) : ErrorRecords.ForTarget(error, target.InstanceId, ActionName);
                // Once the run is stopping, its errors go to the run record only: the one
                // terminating error speaks for them (under -ErrorAction Stop, WriteError would
                // itself end the run before the results in flight were written).
                if (_stop == null || !_stop.Claims(record))
                {
                    WriteError(record);
                }

                Record(target, outcome, requestId: RequestIdOf(error), errorCode: record.FullyQualifiedErrorId.Split(',')[0], message: error.Message, submittedAt: submittedAt);
            }
        }
    }
}
