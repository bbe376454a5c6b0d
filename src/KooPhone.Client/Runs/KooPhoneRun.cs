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

        public int Results { get; internal set; }

        public int Errors { get; internal set; }

        public int Unknown { get; internal set; }

        public int NotSent { get; internal set; }

        public int Total => Results + Errors + Unknown + NotSent;

        /// <summary>The CSV file that holds the entries (Import-Csv reads it too).</summary>
        public string Path { get; }

        internal void Count(RunOutcome outcome)
        {
            switch (outcome)
            {
                case RunOutcome.Result: Results++; break;
                case RunOutcome.Error: Errors++; break;
                case RunOutcome.Unknown: Unknown++; break;
                case RunOutcome.NotSent: NotSent++; break;
            }
        }

        public override string ToString() => $"#{Id} {Command}: {Results} results, {Errors} errors, {Unknown} unknown, {NotSent} not sent";
    }
}
