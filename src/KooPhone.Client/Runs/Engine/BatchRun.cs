using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;
using KooPhone.Client.Reconciling;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// One run of a batch command: each item is deduplicated, resumed from the journal or taken,
    /// batched and sent (BatchDispatcher, at most -ThrottleLimit calls in flight), settled
    /// (BatchSettler: culprits, lost answers), recorded, and followed with -Wait. What it learns
    /// it hands back as <see cref="RunEvent"/>s, always after recording it, so the run record
    /// stays true whatever the host manages to write; the host pulls them on its own thread
    /// (<see cref="TakeEvents"/>, <see cref="Complete"/>). Not thread-safe: one host thread
    /// drives it; Ctrl+C cancels its token.
    /// <para>Every item taken ends in the record exactly once: as its result or error when its
    /// call is settled; else at <see cref="Close"/> as Unknown (its call was sent and not
    /// settled) or NotSent (never sent). Calls are tracked here from the moment they are sent
    /// until their outcome is recorded, so no path out of the dispatcher can drop one.</para>
    /// </summary>
    internal sealed class BatchRun<TItem, TResponse> : IDisposable
    {
        private const int ProgressId = 1;

        // How long a stopped run waits, at Close, for its cancelled calls (and -Wait's poll) to end:
        // a command that returns has finished talking to the service.
        private static readonly TimeSpan StoppedCallsWait = TimeSpan.FromSeconds(10);
        private readonly BatchCall<TItem, TResponse> _call;
        private readonly RunOptions<TItem> _options;
        private readonly CancellationToken _token;
        private readonly KooPhoneClock _clock;
        private readonly Queue<RunEvent> _events = new Queue<RunEvent>();
        private readonly SeenKeys _seen = new SeenKeys();
        private readonly RunLedger _ledger;
        private readonly JournalResumer? _resumer;
        private readonly RunStopPolicy _stop;
        private readonly BatchSettler<TItem, TResponse> _settler;
        private readonly BatchDispatcher<TItem, IReadOnlyList<BatchPart<TItem, TResponse>>> _dispatcher;

        // The users of the pairs whose results -Wait follows, by instance, until their job ends:
        // what it learns of one is recorded for the same pair (a journal keys its entries by
        // both). Targets without a user are not kept: at a million followed jobs they would
        // double the run's memory for nothing the instance id does not already say.
        private readonly ConcurrentDictionary<string, InstanceTarget> _followed = new ConcurrentDictionary<string, InstanceTarget>(StringComparer.Ordinal);

        // Calls sent whose outcome is not recorded yet, in the order they were sent.
        private readonly List<SentCall> _open = new List<SentCall>();

        // Items held until the input ends (RunOptions.Hold); the first _heldSent went to the dispatcher.
        private int _heldSent;
        private int _accepted;
        private int _answered;
        private bool _inputEnded;
        private bool _stopping;
        private bool _closed;

        public BatchRun(KooPhoneApiClient api, BatchCall<TItem, TResponse> call, RunOptions<TItem> options, CancellationToken token)
        {
            _call = call;
            _options = options;
            _token = token;
            _clock = api.Clock;
            var operation = call.Operation;
            _ledger = new RunLedger(options.Command, operation);
            _stop = new RunStopPolicy(options.ThrottleLimit, options.StopOnFirstError, options.CredentialSource);
            if (options.Follower != null)
            {
                options.Follower.Ended = (id, result) =>
                    _ledger.Ended(ItemResult.EntryOf(_followed.TryRemove(id, out var target) ? target : new InstanceTarget(id), result, _clock.UtcNow));
            }

            var reconciler = operation.ChangesState ? new StateReconciler(api, options.ThrottleLimit) : null;
            try
            {
                _resumer = options.JournalPath == null ? null : JournalResumer.Open(options.JournalPath, _ledger, operation, reconciler, _clock, Log, Warn, token);
            }
            catch
            {
                Close(writeSummary: false);
                throw;
            }

            var journal = _resumer?.Journal;
            _settler = new BatchSettler<TItem, TResponse>(operation, (items, ct) =>
            {
                // Written and flushed before the call goes out.
                journal?.Intent(items.Select(call.TargetOf));
                return call.SendAsync(api, items, ct);
            }, call.TargetOf, reconciler, options.Log, _clock);
            _dispatcher = new BatchDispatcher<TItem, IReadOnlyList<BatchPart<TItem, TResponse>>>(
                options.ItemsPerCall, options.ThrottleLimit, Send, token,
                batch => _stop.Inspect(batch.Succeeded ? batch.Response!.Select(p => (p.Kind, p.Error)) : new[] { (BatchPartKind.Failed, batch.Error) }), _clock);
        }

        /// <summary>True once the run is closed: completed, stopped, or disposed.</summary>
        public bool IsClosed => _closed;

        /// <summary>The run this one records (Get-KooPhoneRun).</summary>
        public KooPhoneRun Record => _ledger.Run;

        /// <summary>
        /// First look at one checked item under its key (what makes two items the same): false
        /// when it needs nothing more (given before, or settled from the journal); true when it is
        /// new, and the host confirms it and hands it to <see cref="Take"/>.
        /// </summary>
        public bool Admit(TItem item, string key)
        {
            if (_closed)
            {
                return false;
            }

            if (!_seen.Add(key))
            {
                _events.Enqueue(RunEvent.OfVerbose($"'{key}' was given more than once; it is sent once."));
                return false;
            }

            return _resumer == null || !Resume(item);
        }

        /// <summary>Takes a confirmed item: it is sent in its batch, which goes out as soon as it is full (or, for SendsAfterInput, once the input has ended).</summary>
        public void Take(TItem item)
        {
            if (_closed)
            {
                return;
            }

            _accepted++;
            if (_options.Hold != null)
            {
                _options.Hold.Add(item);
                return;
            }

            Dispatch(item);
        }

        /// <summary>Keeps an item refused before anything was sent (a bad id) in the run record.</summary>
        public void Refused(string? instanceId, string errorId, string message) =>
            _ledger.Record(new InstanceTarget(instanceId ?? ""), RunOutcome.Error, errorId, message);

        /// <summary>What the run has learned since the host last asked, in order.</summary>
        public IReadOnlyList<RunEvent> TakeEvents()
        {
            var events = _events.ToList();
            _events.Clear();
            return events;
        }

        /// <summary>
        /// At the end of the input: sends what is held or buffered, hands back every call's
        /// outcome as it ends, follows -Wait to its end, closes the run and hands back its
        /// summary. Lazy: it blocks between events, and Ctrl+C ends it with OperationCanceledException.
        /// </summary>
        public IEnumerable<RunEvent> Complete()
        {
            _inputEnded = true;
            foreach (var e in TakeEvents())
            {
                yield return e;
            }

            foreach (var item in _options.Hold ?? Enumerable.Empty<TItem>())
            {
                if (_closed)
                {
                    yield break;
                }

                // Counted as sent first: an item inside the dispatcher is its to account for.
                _heldSent++;
                Dispatch(item);
                foreach (var e in TakeEvents())
                {
                    yield return e;
                }
            }

            if (_closed)
            {
                yield break;
            }

            using (var remaining = _dispatcher.Complete().GetEnumerator())
            {
                while (remaining.MoveNext())
                {
                    Settled(remaining.Current);
                    AfterCalls();
                    foreach (var e in TakeEvents())
                    {
                        yield return e;
                    }

                    if (_closed)
                    {
                        yield break;
                    }
                }
            }

            _events.Enqueue(RunEvent.OfProgress(new RunProgress(ProgressId, _options.ActionName, "Done", _answered, _accepted, completed: true)));
            if (_options.Follower != null)
            {
                foreach (var e in TakeEvents().Concat(_options.Follower.Finish()))
                {
                    yield return e;
                }
            }

            Close(writeSummary: true);
            foreach (var e in TakeEvents())
            {
                yield return e;
            }
        }

        /// <summary>
        /// Ends the run: every item not recorded yet is recorded (the outcome of a call that ended
        /// meanwhile; Unknown for one still in flight; NotSent for one never sent), the record and
        /// the journal are closed and, when <paramref name="writeSummary"/>, the summary is handed
        /// back. Once only; returns how many items were never sent.
        /// </summary>
        public int Close(bool writeSummary)
        {
            if (_closed)
            {
                return 0;
            }

            _closed = true;
            if (_token.IsCancellationRequested)
            {
                WaitForStoppedCalls();
            }

            var inFlight = new List<(InstanceTarget, DateTime)>();
            var unsent = new List<InstanceTarget>();
            foreach (var call in _open.ToList())
            {
                if (call.NeverSent || CallNotSentException.Ended(call.Task))
                {
                    unsent.AddRange(call.Items.Select(_call.TargetOf));
                }
                else if (call.Task != null && call.Task.Status == TaskStatus.RanToCompletion)
                {
                    foreach (var part in call.Task.Result)
                    {
                        RecordPart(part, emit: false);
                    }
                }
                else
                {
                    inFlight.AddRange(call.Items.Select(i => (_call.TargetOf(i), call.SentAt)));
                }
            }

            _open.Clear();
            if (_dispatcher != null)
            {
                unsent.AddRange(_dispatcher.Unsent.Select(_call.TargetOf));
            }

            unsent.AddRange((_options.Hold ?? Enumerable.Empty<TItem>()).Skip(_heldSent).Select(_call.TargetOf));
            var run = _ledger.Close(_options.CallCounts(), inFlight, unsent);
            if (writeSummary && run != null)
            {
                _events.Enqueue(RunEvent.OfSummary(run));
            }

            return unsent.Count;
        }

        /// <summary>
        /// A run that ended any other way (Ctrl+C, an error, a stopped pipeline) still records every
        /// item it took, and its StopNote says where it stood and what resumes it.
        /// </summary>
        public void Dispose()
        {
            if (_closed)
            {
                return;
            }

            Close(writeSummary: false);
            if (Record.Total > 0)
            {
                Record.StopNote = RunStopNote.OfBatch(Record, _options.Follower != null);
            }
        }

        private void Log(string message) => _events.Enqueue(RunEvent.OfVerbose(message));

        private void Warn(string message) => _events.Enqueue(RunEvent.OfWarning(message));

        // Cancelled calls end at once (the HTTP request is aborted); those that ended meanwhile are
        // then recorded from their outcome rather than as Unknown.
        private void WaitForStoppedCalls()
        {
            var running = _open.Where(c => c.Task != null && !c.Task.IsCompleted).Select(c => (Task)c.Task!).ToList();
            var round = _options.Follower?.Round;
            if (round != null && !round.IsCompleted)
            {
                running.Add(round);
            }

            try
            {
                Task.WaitAll(running.ToArray(), StoppedCallsWait);
            }
            catch (AggregateException)
            {
                // Each call's own outcome is read from its task below.
            }
        }

        private void Dispatch(TItem item)
        {
            foreach (var batch in _dispatcher.Add(item, _options.PartitionOf(item)))
            {
                Settled(batch);
            }

            AfterCalls();
        }

        // The dispatcher's send, on the host thread: the call is tracked from here until its outcome is recorded.
        private Task<IReadOnlyList<BatchPart<TItem, TResponse>>> Send(IReadOnlyList<TItem> items, CancellationToken cancellationToken)
        {
            var call = new SentCall(items, _clock.UtcNow);
            _open.Add(call);
            if (cancellationToken.IsCancellationRequested)
            {
                call.NeverSent = true;
                return Task.FromCanceled<IReadOnlyList<BatchPart<TItem, TResponse>>>(cancellationToken);
            }

            return call.Task = _settler.SendAsync(items, cancellationToken);
        }

        // A call has ended: its outcome is recorded and handed back. A call cancelled by Ctrl+C
        // stays open, so Close records its items as Unknown.
        private void Settled(CompletedBatch<TItem, IReadOnlyList<BatchPart<TItem, TResponse>>> batch)
        {
            var call = _open.Find(c => ReferenceEquals(c.Items, batch.Items));
            if (call == null)
            {
                return;
            }

            if (!batch.Succeeded && batch.Error is OperationCanceledException && _token.IsCancellationRequested)
            {
                throw new OperationCanceledException(_token);
            }

            _answered += batch.Items.Count;
            if (batch.Succeeded)
            {
                foreach (var part in batch.Response!)
                {
                    RecordPart(part, emit: true);
                }
            }
            else
            {
                RecordErrors(batch.Items, batch.Error!, RunOutcome.Error, call.SentAt, emit: true);
            }

            _open.Remove(call);
            var given = _inputEnded ? $"{_accepted}" : $"{_accepted} so far";
            _events.Enqueue(RunEvent.OfProgress(new RunProgress(
                ProgressId, _options.ActionName, $"{_answered} of {given} answered, {_dispatcher.InFlightCount} calls in flight", _answered, _inputEnded ? _accepted : (long?)null)));
        }

        // Whenever the host has control: -Wait hands back what has ended meanwhile, the record is
        // flushed, and a run that must stop does.
        private void AfterCalls()
        {
            if (_closed)
            {
                return;
            }

            if (_options.Follower != null)
            {
                foreach (var e in _options.Follower.Pump())
                {
                    _events.Enqueue(e);
                }
            }

            _ledger.Flush();
            StopIfDue();
        }

        /// <summary>
        /// Ends a run that cannot or must not go on (RunStopPolicy): nothing more is sent, the calls
        /// in flight are waited for and their outcomes handed back, the run is closed, and the last
        /// event says why and how many items were not sent.
        /// </summary>
        private void StopIfDue()
        {
            if (_stop.Why == null || _stopping)
            {
                return;
            }

            _stopping = true;
            foreach (var batch in _dispatcher.Drain())
            {
                Settled(batch);
            }

            var notSent = Close(writeSummary: true);
            var first = _stop.First;
            _events.Enqueue(RunEvent.OfStop(new RunStopped(_stop.Why, first?.Error, first?.Target, first?.Outcome ?? RunOutcome.Error, notSent)));
        }

        private void RecordPart(BatchPart<TItem, TResponse> part, bool emit)
        {
            switch (part.Kind)
            {
                case BatchPartKind.Answered:
                    foreach (var result in _call.Results(part.Items, part.Response!))
                    {
                        if (result.Error != null)
                        {
                            RecordError(result.Target, result.Error, RunOutcome.Error, part.SubmittedAt, emit);
                            continue;
                        }

                        RecordResult(result.Target, result.Outputs, part.SubmittedAt, emit, followable: true);
                    }

                    break;
                case BatchPartKind.Done:
                    for (var i = 0; i < part.Items.Count; i++)
                    {
                        var target = _call.TargetOf(part.Items[i]);
                        RecordResult(target, new[] { CarriedOut(target, part.Evidence![i], part.Error, part.SubmittedAt) }, part.SubmittedAt, emit, followable: true);
                    }

                    break;
                case BatchPartKind.Unknown:
                    RecordErrors(part.Items, part.Error!, RunOutcome.Unknown, part.SubmittedAt, emit);
                    break;
                default:
                    RecordErrors(part.Items, part.Error!, RunOutcome.Error, part.SubmittedAt, emit);
                    break;
            }
        }

        private void RecordResult(InstanceTarget target, IReadOnlyList<object> outputs, DateTime submittedAt, bool emit, bool followable)
        {
            var follower = _options.Follower;
            var follow = emit && followable && follower != null && outputs.Count == 1 && follower.Follows(outputs[0]);
            _ledger.Record(ItemResult.EntryOf(target, outputs.FirstOrDefault(), submittedAt), waiting: follow);
            if (!emit)
            {
                return;
            }

            if (follow)
            {
                if (target.UserId != null)
                {
                    _followed[target.InstanceId] = target;
                }

                follower!.Add(outputs[0]);
                return;
            }

            foreach (var output in outputs)
            {
                _events.Enqueue(RunEvent.OfOutput(output));
            }
        }

        private void RecordErrors(IReadOnlyList<TItem> items, Exception error, RunOutcome outcome, DateTime? submittedAt, bool emit)
        {
            foreach (var item in items)
            {
                RecordError(_call.TargetOf(item), error, outcome, submittedAt, emit);
            }
        }

        private void RecordError(InstanceTarget target, Exception error, RunOutcome outcome, DateTime? submittedAt, bool emit)
        {
            _ledger.Record(target, outcome, RunErrorIds.Of(error, outcome), error.Message, RunErrorIds.RequestIdOf(error), submittedAt);

            // Once the run is stopping, its errors go to the run record only: the stop speaks for them.
            if (emit && !_stop.Claims(error, target.InstanceId, outcome))
            {
                _events.Enqueue(RunEvent.OfError(error, target.InstanceId, outcome));
            }
        }

        /// <summary>An item whose answer was lost but whose state shows the call was carried out: a result saying what showed it.</summary>
        private object CarriedOut(InstanceTarget target, string evidence, Exception? lost, DateTime submittedAt)
        {
            var why = "The answer was lost; the instance's state shows it was carried out: " + evidence + ".";
            if (_call.Kind == ResultKind.Jobs)
            {
                return JobResults.CarriedOut(_call.Operation, new[] { target.InstanceId }, new[] { why }, RunErrorIds.RequestIdOf(lost), submittedAt).Single();
            }

            return new KooPhoneActionResult
            {
                InstanceId = target.InstanceId, Operation = _call.Operation.Name, UserId = target.UserId, RequestId = RunErrorIds.RequestIdOf(lost), At = submittedAt, Evidence = why,
            };
        }

        private bool Resume(TItem item)
        {
            var target = _call.TargetOf(item);
            var resumption = _resumer!.Decide(target);
            switch (resumption.Kind)
            {
                case ResumeKind.Written:
                    var entry = resumption.Entry!;
                    var evidence = $"From the journal: run {entry.RunId} recorded it at {entry.At:yyyy-MM-dd HH:mm:ss} UTC; it was not sent again.";
                    if (_call.Kind == ResultKind.Jobs)
                    {
                        RecordResult(target, new object[] { JobResults.FromRunEntry(entry, evidence) }, entry.SubmittedAt ?? entry.At, emit: true, followable: true);
                    }
                    else
                    {
                        // Not followed: its action is long past.
                        var result = new KooPhoneActionResult
                        {
                            InstanceId = target.InstanceId, Operation = _call.Operation.Name, UserId = target.UserId, Status = entry.Status ?? "Accepted", RequestId = entry.RequestId,
                            At = entry.SubmittedAt ?? entry.At, Evidence = evidence,
                        };
                        RecordResult(target, new object[] { result }, result.At, emit: true, followable: false);
                    }

                    return true;
                case ResumeKind.Done:
                    var carriedOut = CarriedOut(target, resumption.Evidence!, resumption.Error, resumption.SentAt);
                    RecordResult(target, new[] { carriedOut }, resumption.SentAt, emit: true, followable: true);
                    _ledger.SettleEarlier(resumption.Entry!, ItemResult.EntryOf(target, carriedOut, resumption.SentAt));
                    return true;
                case ResumeKind.Unknown:
                    RecordError(target, resumption.Error!, RunOutcome.Unknown, resumption.SentAt, emit: true);
                    return true;
                default:
                    if (resumption.Entry != null)
                    {
                        // The earlier call was not carried out: the run that sent it learns so, and this one sends it again.
                        _ledger.SettleEarlier(resumption.Entry, new KooPhoneRunEntry
                        {
                            InstanceId = target.InstanceId, UserId = target.UserId, Outcome = RunOutcome.Error, ErrorCode = Waiting.NotCarriedOutRule.ErrorCode,
                            SubmittedAt = resumption.SentAt, Message = $"Not carried out: the instance's state shows it untouched ({resumption.Evidence}); run {Record.Id} sent it again.",
                        });
                    }

                    return false;
            }
        }

        private sealed class SentCall
        {
            public SentCall(IReadOnlyList<TItem> items, DateTime sentAt)
            {
                Items = items;
                SentAt = sentAt;
            }

            public IReadOnlyList<TItem> Items { get; }

            public DateTime SentAt { get; }

            public Task<IReadOnlyList<BatchPart<TItem, TResponse>>>? Task { get; set; }

            /// <summary>Handed over after Ctrl+C: it never left.</summary>
            public bool NeverSent { get; set; }
        }
    }
}
