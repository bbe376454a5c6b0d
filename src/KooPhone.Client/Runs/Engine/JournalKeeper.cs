using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using KooPhone.Client.Connection;
using KooPhone.Client.Reconciling;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// -JournalPath for a batch run: held by this run alone (a lock file beside a file journal, a
    /// lease on a blob journal: IJournalStore), what earlier runs recorded for each id, an intent record flushed
    /// before each call goes out, and every outcome after it. Thread-safe where calls are sent
    /// from workers (resends).
    /// </summary>
    internal sealed class JournalKeeper : IDisposable
    {
        private readonly IJournalStore _store;
        private readonly string _operation;
        private readonly int _runId;
        private readonly KooPhoneClock _clock;

        /// <summary>
        /// Takes the journal at <paramref name="path"/> for <paramref name="run"/> and reads it, or
        /// throws JournalRefusedException: another run holds it, it cannot be written, or another
        /// operation wrote it. Nothing has been sent yet when it throws. A cut last line is
        /// written again whole, as the intent record it counts as (JournalContents), before
        /// anything is appended.
        /// </summary>
        /// <param name="path">The journal.</param>
        /// <param name="operation">The API operation of the run: a journal of another one is refused.</param>
        /// <param name="run">The run, named in the journal's lock file while it holds the journal.</param>
        /// <param name="clock">The engine's, since a resumed run's reconciler compares these times with its own.</param>
        public JournalKeeper(string path, string operation, KooPhoneRun run, KooPhoneClock clock)
        {
            _clock = clock;
            _operation = operation;
            _runId = run.Id;
            _store = Usable(JournalStores.NameOf(path), () => JournalStores.Open(path));
            var journal = _store.Name;
            try
            {
                Usable(journal, () => _store.Hold(run));
                var contents = Usable(journal, () => _store.Read(operation, run.Id));
                if (contents.OtherOperation != null)
                {
                    throw JournalRefusedException.OtherOperation(journal, contents.OtherOperation, operation);
                }

                Last = contents.Last;
                Damage = contents.Damage(journal);
                Usable(journal, () => _store.Continue(contents.Kept));
            }
            catch
            {
                _store.Dispose();
                throw;
            }
        }

        /// <summary>The journal as messages name it (a full path, or a URL without its query).</summary>
        public string Name => _store.Name;

        /// <summary>The last entry of each target (RunJournal.KeyOf), as earlier runs left the journal; a cut last line counts as an intent record (JournalContents).</summary>
        public IReadOnlyDictionary<(string, string), KooPhoneRunEntry> Last { get; }

        /// <summary>What in the journal could not be taken as written (unreadable lines, a cut last line), as one warning; null when it is whole.</summary>
        public string? Damage { get; }

        /// <summary>Ids an earlier run sent without recording the answer, or whose outcome was unknown.</summary>
        public IReadOnlyList<KooPhoneRunEntry> Doubtful =>
            Last.Values.Where(e => e.Outcome == RunOutcome.Sent || e.Outcome == RunOutcome.Unknown).ToList();

        /// <summary>The intent records of one call, flushed before it is sent: if the process dies now, the next run knows these may have been acted on.</summary>
        public void Intent(IEnumerable<InstanceTarget> targets)
        {
            var now = _clock.UtcNow;
            foreach (var target in targets)
            {
                _store.Append(new KooPhoneRunEntry
                {
                    RunId = _runId, Operation = _operation, InstanceId = target.InstanceId, UserId = target.UserId,
                    Outcome = RunOutcome.Sent, SubmittedAt = now, At = now, Message = "sent by " + RunJournal.Sender,
                });
            }

            _store.Flush();
        }

        public void Outcome(KooPhoneRunEntry entry)
        {
            var line = entry.OutcomeCopy();
            line.RunId = _runId;
            line.Operation = _operation;
            line.At = entry.At == default ? _clock.UtcNow : entry.At;
            _store.Append(line);
        }

        public void Flush() => _store.Flush();

        public void Dispose() => _store.Dispose();

        // What the file system can answer about a path, from a folder that cannot be made to a
        // file that cannot be written, becomes one error that names the journal.
        private static void Usable(string journal, Action step) => Usable(journal, () =>
        {
            step();
            return true;
        });

        private static T Usable<T>(string journal, Func<T> step)
        {
            try
            {
                return step();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException || e is SecurityException)
            {
                throw JournalRefusedException.Unwritable(journal, e);
            }
        }
    }
}
