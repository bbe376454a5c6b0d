using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// What one run came to, in one object: the ids it took, its results by status, its errors by
    /// code (naming the culprits when few), the Unknown and NotSent ids, the HTTP calls and the time.
    /// Get-KooPhoneRun -Summary returns it; batch cmdlets write it to the information stream
    /// (tag KooPhone.RunSummary), and an interactive console shows it after a large run.
    /// </summary>
    public sealed class KooPhoneRunSummary
    {
        /// <summary>A run of at least this many ids is large enough for an interactive console to show its summary.</summary>
        public const int LargeRunIds = 100;

        /// <summary>A run that lasted at least this long is large enough for an interactive console to show its summary.</summary>
        public static readonly TimeSpan LargeRunDuration = TimeSpan.FromSeconds(10);

        internal KooPhoneRunSummary(KooPhoneRun run, RunTally tally, DateTime now, IReadOnlyList<KooPhoneRunCount> settledLater)
        {
            SettledLater = settledLater;
            StopNote = run.StopNote;
            RunId = run.Id;
            Command = run.Command;
            Operation = run.Operation;
            Finished = run.EndedAt.HasValue;
            Duration = (run.EndedAt ?? now) - run.StartedAt;
            Calls = run.Calls;
            Attempts = run.Attempts;
            var (results, errors, unknown, notSent) = tally.Snapshot();
            ResultsByStatus = results;
            ErrorsByCode = errors;
            Results = results.Sum(c => c.Count);
            Errors = errors.Sum(c => c.Count);
            Unknown = unknown.Count;
            UnknownIds = unknown.Ids;
            NotSent = notSent.Count;
            NotSentIds = notSent.Ids;
        }

        public int RunId { get; }

        /// <summary>The cmdlet, e.g. Backup-KooPhoneInstance.</summary>
        public string Command { get; }

        /// <summary>The API operation, e.g. BatchBackupInstances.</summary>
        public string Operation { get; }

        /// <summary>The ids the run took (each once, however often given): every one ended as exactly one of Results, Errors, Unknown, NotSent.</summary>
        public int Ids => Results + Errors + Unknown + NotSent;

        public int Results { get; }

        /// <summary>Results by the status the service confirmed, most frequent first.</summary>
        public IReadOnlyList<KooPhoneRunCount> ResultsByStatus { get; }

        public int Errors { get; }

        /// <summary>Errors by code, most frequent first, each naming its ids when there are at most five.</summary>
        public IReadOnlyList<KooPhoneRunCount> ErrorsByCode { get; }

        /// <summary>Sent, and the service may have acted: check these before running again.</summary>
        public int Unknown { get; }

        /// <summary>The Unknown ids, when there are at most five.</summary>
        public IReadOnlyList<string> UnknownIds { get; }

        /// <summary>Never sent (the run stopped first): safe to run again.</summary>
        public int NotSent { get; }

        /// <summary>The NotSent ids, when there are at most five.</summary>
        public IReadOnlyList<string> NotSentIds { get; }

        /// <summary>
        /// The later runs that settled some of this run's entries (a Wait-KooPhoneTask fed from
        /// them, a rerun with the same -JournalPath), each with how many (named when at most five):
        /// the counts above include what they learned.
        /// </summary>
        public IReadOnlyList<KooPhoneRunCount> SettledLater { get; }

        /// <summary>Set when the run was stopped before its end: where things stood and the command that resumes.</summary>
        public string? StopNote { get; }

        /// <summary>HTTP calls the run made (reads of state and task polls included); a retried call counts once.</summary>
        public int Calls { get; }

        /// <summary>HTTP attempts, retries included.</summary>
        public int Attempts { get; }

        public TimeSpan Duration { get; }

        /// <summary>False while the run goes on (or when it was stopped before it could close its record).</summary>
        public bool Finished { get; }

        /// <summary>Whether the run is large enough for an interactive console to show its summary unasked.</summary>
        public bool IsLarge => Ids >= LargeRunIds || Duration >= LargeRunDuration;

        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append(Command).Append(" (run ").Append(RunId).Append("): ")
                .Append(Ids).Append(Ids == 1 ? " id" : " ids").Append(Finished ? " in " : ", still going after ").Append(Seconds(Duration)).Append(" s, ")
                .Append(Calls).Append(Calls == 1 ? " call" : " calls");
            if (Attempts != Calls)
            {
                text.Append(" (").Append(Attempts).Append(" attempts)");
            }

            text.AppendLine();
            text.Append("  Results: ").Append(Results);
            if (ResultsByStatus.Count > 0)
            {
                text.Append(" (").Append(string.Join(", ", ResultsByStatus.Select(c => c.ToString()))).Append(')');
            }

            text.AppendLine();
            text.Append("  Errors:  ").Append(Errors);
            if (ErrorsByCode.Count > 0)
            {
                text.Append(" (").Append(string.Join("; ", ErrorsByCode.Select(Named))).Append(')');
            }

            text.AppendLine();
            text.Append("  Unknown: ").Append(Unknown).Append(Listed(UnknownIds)).AppendLine();
            text.Append("  NotSent: ").Append(NotSent).Append(Listed(NotSentIds));
            if (SettledLater.Count > 0)
            {
                text.AppendLine();
                text.Append("  Settled later: ").Append(string.Join("; ", SettledLater.Select(c => $"{c.Count} by {c.Name}")));
            }

            if (StopNote != null)
            {
                text.AppendLine();
                text.Append("  ").Append(StopNote);
            }
            if (Errors + Unknown + NotSent > 0)
            {
                text.AppendLine();
                text.Append("  Get-KooPhoneRun -Id ").Append(RunId).Append(" -Outcome Error, Unknown, NotSent lists every such id.");
            }

            return text.ToString();
        }

        private static string Named(KooPhoneRunCount count) => count.ToString() + (count.Ids.Count > 0 ? ": " + string.Join(", ", count.Ids) : "");

        private static string Listed(IReadOnlyList<string> ids) => ids.Count > 0 ? " (" + string.Join(", ", ids) + ")" : "";

        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
