using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// The session's runs, newest last. Each run's entries are a CSV file in this session's folder
    /// of the user's run records (<see cref="RunFolder"/>; a module loaded twice in one process has
    /// a session folder for each load); only the newest <see cref="MaxRuns"/> are kept, older files
    /// are deleted as new runs start.
    /// </summary>
    internal static class RunRecords
    {
        public const int MaxRuns = 50;

        private static readonly object Gate = new object();
        private static readonly List<KooPhoneRun> Runs = new List<KooPhoneRun>();
        private static int _lastId;

        public static RunRecorder Start(string command, string operation)
        {
            // Throws RunRecordsUnavailableException, before anything is sent, when the folder cannot be used.
            var folder = RunFolder.Session;
            var id = Interlocked.Increment(ref _lastId);
            var run = new KooPhoneRun(id, command, operation, Path.Combine(folder, $"run-{id}.csv"), DateTime.UtcNow);
            var recorder = new RunRecorder(run);
            lock (Gate)
            {
                Runs.Add(run);
                while (Runs.Count > MaxRuns)
                {
                    TryDelete(Runs[0].Path);
                    Runs.RemoveAt(0);
                }
            }

            return recorder;
        }

        /// <summary>The session's runs, oldest first.</summary>
        public static IReadOnlyList<KooPhoneRun> All()
        {
            lock (Gate)
            {
                return Runs.ToList();
            }
        }

        public static KooPhoneRun? Find(int id)
        {
            lock (Gate)
            {
                return Runs.FirstOrDefault(r => r.Id == id);
            }
        }

        /// <summary>
        /// The entries of a run, read back from its file, one per id: an id whose outcome was
        /// learned later (its own -Wait, a later Wait-KooPhoneTask, a journal rerun: SettledBy is
        /// set) shows the last entry learned, in the first one's place.
        /// </summary>
        public static IEnumerable<KooPhoneRunEntry> EntriesOf(KooPhoneRun run) =>
            run.HasUpdates ? WithUpdates(run) : RunRecordFile.Read(run.Path);

        // Two passes, so that only the updates are held, never the run's every entry.
        private static IEnumerable<KooPhoneRunEntry> WithUpdates(KooPhoneRun run)
        {
            var updates = new Dictionary<string, KooPhoneRunEntry>(StringComparer.Ordinal);
            foreach (var entry in RunRecordFile.Read(run.Path).Where(e => e.SettledBy.HasValue))
            {
                updates[entry.InstanceId] = entry;
            }

            foreach (var entry in RunRecordFile.Read(run.Path))
            {
                if (!entry.SettledBy.HasValue)
                {
                    yield return updates.TryGetValue(entry.InstanceId, out var update) ? update : entry;
                }
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
