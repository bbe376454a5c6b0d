using System;
using System.Collections.Generic;
using System.Linq;
using KooPhone.Client.Models;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// The runs of this session whose entries were fed to Wait-KooPhoneTask (Get-KooPhoneRun -Last
    /// | Wait-KooPhoneTask): what the wait learns of a job also becomes that run's entry for the
    /// instance, settled by the wait's run (RunRecorder.Settled). An entry counts as the run's only
    /// when the run recorded the same instance with the same task and job: run ids are the
    /// session's, so an entry exported from another session may carry the number of an unrelated run.
    /// </summary>
    internal sealed class RunSources
    {
        // Entries as given, by instance and job, until Resolve checks them against their runs' records.
        private readonly Dictionary<string, Given> _given = new Dictionary<string, Given>(StringComparer.Ordinal);

        // Entries whose run recorded them, with the entry that run holds now.
        private readonly Dictionary<string, (KooPhoneRun Run, KooPhoneRunEntry Held)> _sources = new Dictionary<string, (KooPhoneRun, KooPhoneRunEntry)>(StringComparer.Ordinal);

        /// <summary>An entry of run <paramref name="runId"/>, as the pipeline gave it.</summary>
        public void Add(int runId, string instanceId, string? taskId, string? jobId) =>
            _given[Key(instanceId, jobId)] = new Given(runId, taskId);

        /// <summary>Reads the record of each run named once, keeping the entries it holds as given.</summary>
        public void Resolve()
        {
            foreach (var runId in _given.Values.Select(g => g.RunId).Distinct().ToList())
            {
                var run = RunRecords.Find(runId);
                if (run?.Recorder == null)
                {
                    continue;
                }

                foreach (var entry in RunRecords.EntriesOf(run))
                {
                    var key = Key(entry.InstanceId, entry.JobId);
                    if (_given.TryGetValue(key, out var given) && given.RunId == runId && string.Equals(given.TaskId ?? "", entry.TaskId ?? "", StringComparison.Ordinal))
                    {
                        _sources[key] = (run, entry);
                    }
                }
            }

            _given.Clear();
        }

        /// <summary>The wait (<paramref name="by"/>) learned how <paramref name="result"/> ended: its source run's record ends with it too.</summary>
        public void Settle(KooPhoneJobResult result, KooPhoneRunEntry learned, KooPhoneRun by)
        {
            var key = Key(result.InstanceId, result.JobId);
            if (!_sources.TryGetValue(key, out var source))
            {
                return;
            }

            // An entry that already says this (its own -Wait saw the job end) is left as it is.
            var held = source.Held;
            if (held.Outcome == learned.Outcome && held.Status == learned.Status && held.ErrorCode == learned.ErrorCode)
            {
                return;
            }

            var update = learned.OutcomeCopy();
            update.Operation = source.Run.Operation;
            source.Run.Recorder!.Settled(update, held.Outcome, by);
            _sources[key] = (source.Run, update);
        }

        /// <summary>Closes what the source runs opened again for the wait's updates.</summary>
        public void End()
        {
            foreach (var run in _sources.Values.Select(s => s.Run).Distinct())
            {
                run.Recorder!.EndSettling();
            }
        }

        private static string Key(string instanceId, string? jobId) => instanceId + "\n" + jobId;

        private readonly struct Given
        {
            public Given(int runId, string? taskId)
            {
                RunId = runId;
                TaskId = taskId;
            }

            public int RunId { get; }

            public string? TaskId { get; }
        }
    }
}
