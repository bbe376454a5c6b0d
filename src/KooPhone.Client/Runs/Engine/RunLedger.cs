using System;
using System.Collections.Generic;
using KooPhone.Client.Api;
using KooPhone.Client.Connection;
using KooPhone.Client.Reconciling;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// The bookkeeping of one run: the run record (Get-KooPhoneRun) and, with -JournalPath, the
    /// journal, which get every outcome as it is known; at the end every id still open and the
    /// call counts. Safe from any thread (RunRecorder and RunRecordFile lock).
    /// </summary>
    internal sealed class RunLedger
    {
        private readonly object _gate = new object();
        private readonly HashSet<KooPhoneRun> _settledEarlier = new HashSet<KooPhoneRun>();
        private RunRecorder? _record;
        private JournalKeeper? _journal;

        public RunLedger(string command, KooPhoneOperation operation)
        {
            _record = RunRecords.Start(command, operation.Name);
            Run = _record.Run;
        }

        /// <summary>The run this ledger records, open or closed.</summary>
        public KooPhoneRun Run { get; }

        /// <summary>Opens the journal at <paramref name="path"/>, which from now on gets every outcome too.</summary>
        public JournalKeeper KeepJournal(string path, KooPhoneOperation operation, KooPhoneClock clock)
        {
            _journal = new JournalKeeper(path, operation.Name, Run, clock);
            Run.JournalPath = _journal.Name;
            return _journal;
        }

        /// <summary>
        /// This rerun learned how an id ended that the journal's <paramref name="journalEntry"/> left
        /// open: when the run that wrote that entry is one of this session's, with the same journal,
        /// its record ends with <paramref name="update"/> too, settled by this run.
        /// </summary>
        public void SettleEarlier(KooPhoneRunEntry journalEntry, KooPhoneRunEntry update)
        {
            var earlier = RunRecords.Find(journalEntry.RunId);
            // Run ids are the session's: an entry some other process wrote under the same number
            // predates this session's run of that number, or names another journal.
            if (earlier == null || earlier == Run || earlier.Recorder == null || earlier.Operation != Run.Operation
                || !string.Equals(earlier.JournalPath, Run.JournalPath, StringComparison.Ordinal)
                || journalEntry.At < earlier.StartedAt || (earlier.EndedAt.HasValue && journalEntry.At > earlier.EndedAt.Value))
            {
                return;
            }

            lock (_gate)
            {
                earlier.Recorder.Settled(update, journalEntry.Outcome, Run);
                _settledEarlier.Add(earlier);
            }
        }

        /// <summary>One entry of the run record (and the journal); <paramref name="waiting"/> for a result handed to -Wait (see RunRecorder.Record).</summary>
        public void Record(KooPhoneRunEntry entry, bool waiting = false)
        {
            lock (_gate)
            {
                _record?.Record(entry, waiting);
                _journal?.Outcome(entry);
            }
        }

        public void Record(InstanceTarget target, RunOutcome outcome, string? errorCode = null, string? message = null, string? requestId = null, DateTime? submittedAt = null) =>
            Record(new KooPhoneRunEntry
            {
                InstanceId = target.InstanceId, UserId = target.UserId, Outcome = outcome, RequestId = requestId, ErrorCode = errorCode, Message = message, SubmittedAt = submittedAt,
            });

        /// <summary>
        /// -Wait wrote a result it was handed: the run's summary counts it by the status it ended
        /// with, and the record (and the journal, which a rerun then takes as done) ends with <paramref name="update"/>.
        /// </summary>
        public void Ended(KooPhoneRunEntry update)
        {
            lock (_gate)
            {
                _record?.Ended(update.InstanceId, update.Status ?? "", update);
                _journal?.Outcome(update);
            }
        }

        public void Flush()
        {
            lock (_gate)
            {
                _record?.Flush();
                _journal?.Flush();
            }
        }

        /// <summary>
        /// Records every id still open (those in flight may have been carried out, those not sent
        /// were not) and closes the run record and the journal. Once only: later it returns null.
        /// </summary>
        public KooPhoneRun? Close((int Calls, int Attempts) counts, IEnumerable<(InstanceTarget Target, DateTime SentAt)> inFlight, IEnumerable<InstanceTarget> unsent)
        {
            lock (_gate)
            {
                if (_record == null)
                {
                    return null;
                }

                // The journal is let go whatever happens to the record: a journal left held would
                // refuse every later run of this process.
                try
                {
                    foreach (var (target, sentAt) in inFlight)
                    {
                        Record(target, RunOutcome.Unknown, RunErrorIds.OutcomeUnknown, "The run stopped while this call was in flight; the service may have acted on it.", submittedAt: sentAt);
                    }

                    foreach (var target in unsent)
                    {
                        Record(target, RunOutcome.NotSent, RunErrorIds.NotSent, "The run stopped before this id was sent.");
                    }

                    _record.CountCalls(counts.Calls, counts.Attempts);
                    var run = _record.Run;
                    _record.Dispose();
                    _record = null;
                    return run;
                }
                finally
                {
                    _journal?.Dispose();
                    _journal = null;
                    foreach (var earlier in _settledEarlier)
                    {
                        earlier.Recorder!.EndSettling();
                    }
                }
            }
        }
    }
}
