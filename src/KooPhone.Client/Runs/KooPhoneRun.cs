using System;
using System.Collections.Generic;
using System.Linq;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// One cmdlet run of the session: what it was, how its ids ended, and where its entries are
    /// kept. The entries live in a file (RunRecordFile), not in memory, so a run of a million ids
    /// keeps its record without holding it.
    /// </summary>
    public sealed class KooPhoneRun
    {
        private readonly RunTally _tally = new RunTally();

        // The later runs that settled some of this run's entries, each with the ids it settled.
        private readonly Dictionary<int, KooPhoneRunCount> _settledLater = new Dictionary<int, KooPhoneRunCount>();

        internal KooPhoneRun(int id, string command, string operation, string path, DateTime startedAt)
        {
            Id = id;
            Command = command;
            Operation = operation;
            Path = path;
            StartedAt = startedAt;
        }

        public int Id { get; }

        /// <summary>The cmdlet, e.g. Backup-KooPhoneInstance.</summary>
        public string Command { get; }

        /// <summary>The API operation, e.g. BatchBackupInstances.</summary>
        public string Operation { get; }

        public DateTime StartedAt { get; }

        /// <summary>Null while the run is still going (or was stopped before it could close its record).</summary>
        public DateTime? EndedAt { get; internal set; }

        /// <summary>Some id's entry was replaced by a later one (SettledBy is set): reading the record back folds it in.</summary>
        internal bool HasUpdates { get; set; }

        /// <summary>The journal the run kept (-JournalPath, full path), if any: a rerun with the same journal may settle this run's entries.</summary>
        internal string? JournalPath { get; set; }

        /// <summary>What writes the run's record, open or closed: later runs settle its entries through it.</summary>
        internal RunRecorder? Recorder { get; set; }

        public int Results { get; internal set; }

        public int Errors { get; internal set; }

        public int Unknown { get; internal set; }

        public int NotSent { get; internal set; }

        public int Total => Results + Errors + Unknown + NotSent;

        /// <summary>
        /// Set when the run was stopped before its end (Ctrl+C, a pipeline ended downstream): where
        /// things stood, in one line, and the command that resumes. Also written to the host then.
        /// </summary>
        public string? StopNote { get; internal set; }

        /// <summary>Results handed to -Wait that it has not seen end (yet).</summary>
        internal int Waiting => _tally.WaitingCount;

        /// <summary>HTTP calls the run made; a retried call counts once. Known once the run ends.</summary>
        public int Calls { get; internal set; }

        /// <summary>HTTP attempts the run made, retries included. Known once the run ends.</summary>
        public int Attempts { get; internal set; }

        /// <summary>What the run came to: ids, results by status, errors by code with their culprits, Unknown, NotSent, calls, time.</summary>
        public KooPhoneRunSummary Summary
        {
            get
            {
                IReadOnlyList<KooPhoneRunCount> later;
                lock (_settledLater)
                {
                    later = _settledLater.Values.Select(c => c.Copy()).ToList();
                }

                // Once later runs have changed entries, the record itself is counted: what this run
                // counted as it went no longer holds for them.
                return later.Count == 0
                    ? new KooPhoneRunSummary(this, _tally, DateTime.UtcNow, later)
                    : new KooPhoneRunSummary(this, RunTally.Of(RunRecords.EntriesOf(this)), DateTime.UtcNow, later);
            }
        }

        /// <summary>The CSV file that holds the entries (Import-Csv reads it too).</summary>
        public string Path { get; }

        // waiting: a result handed to -Wait, tallied by status only when the wait ends it (Ended).
        internal void Count(KooPhoneRunEntry entry, bool waiting = false)
        {
            if (waiting && entry.Outcome == RunOutcome.Result)
            {
                _tally.AddWaiting();
            }
            else
            {
                _tally.Add(entry);
            }

            Move(entry.Outcome, +1);
        }

        internal void Ended(string instanceId, string status) => _tally.Ended(instanceId, status);

        /// <summary>-Wait learned that a result it was handed was not carried out after all: it counts as an error.</summary>
        internal void EndedAsError(string instanceId, string errorCode)
        {
            _tally.EndedAsError(instanceId, errorCode);
            Move(RunOutcome.Result, -1);
            Move(RunOutcome.Error, +1);
        }

        /// <summary>A later run (<paramref name="by"/>) settled an id this run had recorded as <paramref name="previous"/>.</summary>
        internal void Settled(RunOutcome previous, KooPhoneRunEntry update, KooPhoneRun by)
        {
            Move(previous, -1);
            Move(update.Outcome, +1);
            lock (_settledLater)
            {
                if (!_settledLater.TryGetValue(by.Id, out var count))
                {
                    count = _settledLater[by.Id] = new KooPhoneRunCount($"run {by.Id} ({by.Command})");
                }

                count.Add(update.InstanceId);
            }
        }

        private void Move(RunOutcome outcome, int by)
        {
            switch (outcome)
            {
                case RunOutcome.Result:
                    Results += by;
                    break;
                case RunOutcome.Error:
                    Errors += by;
                    break;
                case RunOutcome.Unknown:
                case RunOutcome.Sent:
                    // A journal's intent record (Sent) stands for an Unknown entry of the run record.
                    Unknown += by;
                    break;
                case RunOutcome.NotSent:
                    NotSent += by;
                    break;
            }
        }

        public override string ToString() => $"#{Id} {Command}: {Results} results, {Errors} errors, {Unknown} unknown, {NotSent} not sent";
    }
}
