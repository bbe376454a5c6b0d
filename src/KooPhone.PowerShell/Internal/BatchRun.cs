using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// One run of a batch cmdlet, handed the cmdlet (its <see cref="IBatchHooks{TItem, TResponse}"/>):
    /// each item is deduplicated, resumed from the journal or confirmed, and handed to the
    /// engine's BatchDispatcher, which sends full batches at once with at most -ThrottleLimit calls
    /// in flight. Batches are written on the pipeline thread as they end, part by part, through
    /// <see cref="BatchOutput{TItem}"/> and the <see cref="RunLedger"/>; <see cref="RunStop"/>
    /// decides when the run must stop sending. Every item given ends as exactly one output object
    /// or one error record.
    /// </summary>
    internal sealed class BatchRun<TItem, TResponse>
    {
        private const int ProgressId = 1;
        private readonly PSCmdlet _cmdlet;
        private readonly IBatchHooks<TItem, TResponse> _hooks;
        private readonly CallScope _calls;
        private readonly RunLedger _ledger;
        private readonly BatchOutput<TItem> _output;
        private readonly JournalResumer? _resumer;
        private readonly RunStop _stop;
        private readonly ProgressLine _progress;
        private readonly BatchDispatcher<TItem, IReadOnlyList<BatchPart<TItem, TResponse>>> _dispatcher;
        private readonly SeenKeys _seen = new SeenKeys();
        private int _accepted;
        private int _answered;

        // The total is known only once the input has ended; until then progress shows no percentage.
        private bool _inputEnded;

        public BatchRun(PSCmdlet cmdlet, IBatchHooks<TItem, TResponse> hooks, CallScope calls, KooPhoneApiClient api, int throttleLimit, string? journalPath, RunLedger ledger, BatchOutput<TItem> output)
        {
            _cmdlet = cmdlet;
            _hooks = hooks;
            _calls = calls;
            _ledger = ledger;
            _output = output;
            var operation = hooks.Operation;
            var reconciler = operation.ChangesState ? new StateReconciler(api, throttleLimit) : null;
            _resumer = JournalResumer.Open(cmdlet, calls, ledger, journalPath, operation, reconciler, api.Clock);
            var journal = _resumer?.Journal;
            var settler = new BatchSettler<TItem, TResponse>(operation, (items, ct) =>
            {
                // Written and flushed before the call goes out.
                journal?.Intent(items.Select(hooks.TargetOf));
                return hooks.SendBatchAsync(api, items, ct);
            }, hooks.TargetOf, reconciler, calls.QueueVerbose, api.Clock);
            _progress = new ProgressLine(cmdlet, ProgressId, hooks.ActionName);
            var stop = _stop = new RunStop(cmdlet, api.Context, hooks.ActionName, throttleLimit);
            _dispatcher = new BatchDispatcher<TItem, IReadOnlyList<BatchPart<TItem, TResponse>>>(hooks.ItemsPerCall, throttleLimit, settler.SendAsync, calls.Token,
                batch => stop.Inspect(batch.Succeeded ? batch.Response!.Select(p => (p.Kind, p.Error)) : new[] { (BatchPartKind.Failed, batch.Error) }), api.Clock);
        }

        /// <summary>Queues one checked item under its key (what makes two items the same), unless seen, resumed or declined.</summary>
        public void Submit(TItem item, string key)
        {
            if (!_seen.Add(key))
            {
                _cmdlet.WriteVerbose($"'{key}' was given more than once; it is sent once.");
                return;
            }

            if (_resumer != null && Resume(item))
            {
                return;
            }

            if (!_hooks.Confirm(item))
            {
                return;
            }

            _accepted++;
            _hooks.Accept(item);
        }

        /// <summary>Hands one item to the batching engine; a full batch is sent at once.</summary>
        public void Send(TItem item)
        {
            WriteBatches(_calls.Stoppable(() => _dispatcher.Add(item, _hooks.PartitionOf(item))));
            StopIfDue();
        }

        /// <summary>At the end of the input: sends what is buffered and writes each batch the moment it ends.</summary>
        public void Complete()
        {
            _inputEnded = true;
            using (var remaining = _dispatcher.Complete().GetEnumerator())
            {
                while (_calls.Stoppable(remaining.MoveNext))
                {
                    WriteBatches(new[] { remaining.Current });
                    StopIfDue();
                }
            }

            _progress.Complete();
        }

        /// <summary>Closes the run's ledger with every id still open; the summary only while the pipeline can take it.</summary>
        public void Close(bool writeSummary) =>
            _ledger.Close(
                _calls.CallCounts,
                writeSummary,
                _dispatcher.InFlightItems.Select(f => (_hooks.TargetOf(f.Item), f.SentAt)),
                _dispatcher.Unsent.Concat(_hooks.HeldBack).Select(_hooks.TargetOf));

        private bool Resume(TItem item)
        {
            var resumption = _resumer!.Decide(_hooks.TargetOf(item));
            switch (resumption.Kind)
            {
                case ResumeKind.Written:
                    _output.Resumed(item, resumption.Entry!);
                    return true;
                case ResumeKind.Done:
                    _output.Done(new[] { item }, new[] { resumption.Evidence! }, resumption.Error, resumption.SentAt);
                    return true;
                case ResumeKind.Unknown:
                    WriteErrors(new[] { item }, resumption.Error!, RunOutcome.Unknown, resumption.SentAt);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Ends a run that cannot or must not go on (RunStop): nothing more is sent, the calls in
        /// flight are waited for and their results written, then one terminating error says why and
        /// how many ids were not sent (the run record lists them as NotSent).
        /// </summary>
        private void StopIfDue()
        {
            if (_stop.Why == null || _stop.Draining)
            {
                return;
            }

            _stop.Draining = true;
            foreach (var batch in _calls.Stoppable(() => _dispatcher.Drain().ToList()))
            {
                WriteBatches(new[] { batch });
            }

            var notSent = _dispatcher.Unsent.Count + _hooks.HeldBack.Count();
            Close(writeSummary: true);
            _cmdlet.ThrowTerminatingError(_stop.Terminating(notSent));
        }

        private void WriteBatches(IEnumerable<CompletedBatch<TItem, IReadOnlyList<BatchPart<TItem, TResponse>>>> batches)
        {
            _calls.WriteTraces();
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
                    _calls.ThrowIfStopping();
                    WriteErrors(batch.Items, batch.Error!, RunOutcome.Error);
                }

                var given = _inputEnded ? $"{_accepted}" : $"{_accepted} so far";
                _progress.Write($"{_answered} of {given} answered, {_dispatcher.InFlightCount} calls in flight", _answered, _inputEnded ? _accepted : (long?)null);
            }

            // Whenever the cmdlet has control, -Wait writes what has ended meanwhile.
            _output.Waiting?.Pump();
            _ledger.Flush();
        }

        private void WritePart(BatchPart<TItem, TResponse> part)
        {
            _ledger.StartPart();
            switch (part.Kind)
            {
                case BatchPartKind.Answered:
                    _hooks.OnBatchSucceeded(part.Items, part.Response!);
                    // What a cmdlet did not record itself (status queries, command output, app lists)
                    // is recorded as a plain result.
                    foreach (var target in part.Items.Select(_hooks.TargetOf).Where(t => !_ledger.RecordedInPart(t.InstanceId)))
                    {
                        _ledger.Record(target, RunOutcome.Result, submittedAt: part.SubmittedAt);
                    }

                    break;
                case BatchPartKind.Done:
                    _output.Done(part.Items, part.Evidence!, part.Error, part.SubmittedAt);
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
            foreach (var target in items.Select(_hooks.TargetOf))
            {
                var record = outcome == RunOutcome.Unknown ? ErrorRecords.Unknown(error, target.InstanceId, _hooks.ActionName) : ErrorRecords.ForTarget(error, target.InstanceId, _hooks.ActionName);
                // Once the run is stopping, its errors go to the run record only: the one
                // terminating error speaks for them (under -ErrorAction Stop, WriteError would
                // itself end the run before the results in flight were written).
                if (!_stop.Claims(record))
                {
                    _cmdlet.WriteError(record);
                }

                _ledger.Record(target, outcome, requestId: BatchOutput<TItem>.RequestIdOf(error), errorCode: record.FullyQualifiedErrorId.Split(',')[0], message: error.Message, submittedAt: submittedAt);
            }
        }
    }
}
