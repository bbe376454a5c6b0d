using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// The session's runs, newest last. Each run's entries are a CSV file in a folder of this
    /// process under the temp folder, named so that no two runs share one even when the module is
    /// loaded twice; only the newest <see cref="MaxRuns"/> are kept, older files
    /// are deleted as new runs start.
    /// </summary>
    internal static class RunRecords
    {
        public const int MaxRuns = 50;

        private static readonly object Gate = new object();
        private static readonly List<KooPhoneRun> Runs = new List<KooPhoneRun>();
        private static int _lastId;

        /// <summary>Where this process keeps its run records.</summary>
        public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "KooPhone", "runs", Process.GetCurrentProcess().Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public static RunRecorder Start(string command, string operation)
        {
            var id = Interlocked.Increment(ref _lastId);
            var run = new KooPhoneRun(id, command, operation, Path.Combine(Folder, $"run-{id}-{Guid.NewGuid():N}.csv"), DateTime.UtcNow);
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
        /// The entries of a run, read back from its file, one per id: an id that -Wait saw end
        /// shows the status it ended with (its update, appended later, takes the entry's place).
        /// </summary>
        public static IEnumerable<KooPhoneRunEntry> EntriesOf(KooPhoneRun run) =>
            run.HasEndedUpdates ? WithEndedUpdates(run) : RunRecordFile.Read(run.Path);

        // Two passes, so that only the updates are held, never the run's every entry.
        private static IEnumerable<KooPhoneRunEntry> WithEndedUpdates(KooPhoneRun run)
        {
            var ended = new Dictionary<string, KooPhoneRunEntry>(StringComparer.Ordinal);
            foreach (var entry in RunRecordFile.Read(run.Path).Where(IsEndedUpdate))
            {
                ended[entry.InstanceId] = entry;
            }

            foreach (var entry in RunRecordFile.Read(run.Path))
            {
                if (IsEndedUpdate(entry))
                {
                    continue;
                }

                yield return ended.TryGetValue(entry.InstanceId, out var update) && entry.Outcome == RunOutcome.Result ? update : entry;
            }
        }

        /// <summary>The message of the entry appended when -Wait sees an id end.</summary>
        internal const string EndedMessage = "-Wait saw its job end with this status.";

        private static bool IsEndedUpdate(KooPhoneRunEntry entry) => entry.Outcome == RunOutcome.Result && entry.Message == EndedMessage;

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
