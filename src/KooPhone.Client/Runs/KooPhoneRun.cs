using System;

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

        /// <summary>-Wait appended an update for some id (RunRecorder.Ended): reading the record back folds it in.</summary>
        internal bool HasEndedUpdates { get; set; }

        public int Results { get; internal set; }

        public int Errors { get; internal set; }

        public int Unknown { get; internal set; }

        public int NotSent { get; internal set; }

        public int Total => Results + Errors + Unknown + NotSent;

        /// <summary>HTTP calls the run made; a retried call counts once. Known once the run ends.</summary>
        public int Calls { get; internal set; }

        /// <summary>HTTP attempts the run made, retries included. Known once the run ends.</summary>
        public int Attempts { get; internal set; }

        /// <summary>What the run came to: ids, results by status, errors by code with their culprits, Unknown, NotSent, calls, time.</summary>
        public KooPhoneRunSummary Summary => new KooPhoneRunSummary(this, _tally, DateTime.UtcNow);

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

            switch (entry.Outcome)
            {
                case RunOutcome.Result:
                    Results++;
                    break;
                case RunOutcome.Error:
                    Errors++;
                    break;
                case RunOutcome.Unknown:
                    Unknown++;
                    break;
                case RunOutcome.NotSent:
                    NotSent++;
                    break;
            }
        }

        internal void Ended(string instanceId, string status) => _tally.Ended(instanceId, status);

        public override string ToString() => $"#{Id} {Command}: {Results} results, {Errors} errors, {Unknown} unknown, {NotSent} not sent";
    }
}
