using System;
using System.Collections.Generic;
using System.Linq;
using KooPhone.Client.Connection;
using KooPhone.Client.Reconciling;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// -JournalPath for a batch run: what earlier runs recorded for each id, an
    /// intent record flushed before each call goes out, and every outcome after it. Thread-safe
    /// where calls are sent from workers (resends).
    /// </summary>
    internal sealed class JournalKeeper : IDisposable
    {
        private readonly RunRecordFile _file;
        private readonly string _operation;
        private readonly int _runId;
        private readonly KooPhoneClock _clock;

        // clock: the engine's, since a resumed run's reconciler compares these times with its own.
        public JournalKeeper(string path, string operation, int runId, KooPhoneClock clock)
        {
            _clock = clock;
            Last = RunJournal.ReadLast(path);
            _file = new RunRecordFile(path, append: true);
            _operation = operation;
            _runId = runId;
        }

        /// <summary>The last entry of each id, as earlier runs left the journal.</summary>
        public IReadOnlyDictionary<string, KooPhoneRunEntry> Last { get; }

        /// <summary>Ids an earlier run sent without recording the answer, or whose outcome was unknown.</summary>
        public IReadOnlyList<KooPhoneRunEntry> Doubtful =>
            Last.Values.Where(e => e.Outcome == RunOutcome.Sent || e.Outcome == RunOutcome.Unknown).ToList();

        /// <summary>The intent records of one call, flushed before it is sent: if the process dies now, the next run knows these may have been acted on.</summary>
        public void Intent(IEnumerable<InstanceTarget> targets)
        {
            var now = _clock.UtcNow;
            foreach (var target in targets)
            {
                _file.Append(new KooPhoneRunEntry
                {
                    RunId = _runId, Operation = _operation, InstanceId = target.InstanceId, UserId = target.UserId,
                    Outcome = RunOutcome.Sent, SubmittedAt = now, At = now, Message = "sent by " + RunJournal.Sender,
                });
            }

            _file.Flush();
        }

        public void Outcome(KooPhoneRunEntry entry)
        {
            _file.Append(new KooPhoneRunEntry
            {
                RunId = _runId, Operation = _operation, InstanceId = entry.InstanceId, UserId = entry.UserId, Outcome = entry.Outcome,
                Status = entry.Status, TaskId = entry.TaskId, JobId = entry.JobId, RequestId = entry.RequestId, ErrorCode = entry.ErrorCode,
                Message = entry.Message, SubmittedAt = entry.SubmittedAt, At = entry.At == default ? _clock.UtcNow : entry.At,
            });
        }

        public void Flush() => _file.Flush();

        public void Dispose() => _file.Dispose();
    }
}
