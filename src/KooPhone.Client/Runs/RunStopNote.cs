using System.Collections.Generic;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// The one line a run stopped before its end leaves (KooPhoneRun.StopNote, and the host): how
    /// many of its ids had ended, were still running, were unknown or not sent, and the commands
    /// that take it up again.
    /// </summary>
    internal static class RunStopNote
    {
        /// <summary>A batch run; <paramref name="waited"/> when it ran with -Wait (the results it had not seen end are still running).</summary>
        public static string OfBatch(KooPhoneRun run, bool waited)
        {
            var running = waited ? run.Waiting : 0;
            var counts = waited ? $"{run.Results - running + run.Errors} ended, {running} still running" : $"{run.Results + run.Errors} answered";
            return $"{run.Command} was stopped (run {run.Id}): {counts}, {run.Unknown} unknown, {run.NotSent} not sent." + Resume(run, running);
        }

        /// <summary>A run of Wait-KooPhoneTask: its record holds every job, those still running with their last status.</summary>
        public static string OfWait(KooPhoneRun run, int ended, int running) =>
            $"{run.Command} was stopped (run {run.Id}): {ended} ended, {running} still running."
            + (running > 0 ? $" To resume: Get-KooPhoneRun -Id {run.Id} | Wait-KooPhoneTask waits for those still running." : "");

        private static string Resume(KooPhoneRun run, int running)
        {
            if (running + run.Unknown + run.NotSent == 0)
            {
                return "";
            }

            if (run.JournalPath != null)
            {
                return $" To resume: run the same command again with -JournalPath '{run.JournalPath}' (what is done is not sent again).";
            }

            var steps = new List<string>();
            if (running > 0)
            {
                steps.Add($"Get-KooPhoneRun -Id {run.Id} | Wait-KooPhoneTask waits for those still running");
            }

            if (run.Unknown > 0)
            {
                steps.Add($"Get-KooPhoneRun -Id {run.Id} -Outcome Unknown lists those to check before running again");
            }

            if (run.NotSent > 0)
            {
                steps.Add($"Get-KooPhoneRun -Id {run.Id} -Outcome NotSent | {run.Command} sends those not sent (with your other parameters)");
            }

            return " To resume: " + string.Join("; ", steps) + ".";
        }
    }
}
