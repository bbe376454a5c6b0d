using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// What a journal says, read once when a run takes it: the last entry of each target (an
    /// instance, with its user: Grant, Revoke and Restore act on user–instance pairs, and an
    /// entry for another user says nothing about this pair), the first entry another operation
    /// wrote, the lines that are not entries, and a last line cut off before its line break.
    /// <para>A cut last line whose target can be read counts as "intent written, outcome
    /// unknown": its target's last entry becomes an intent record (Outcome Sent, <see cref="Kept"/>),
    /// so the rerun reads its state and never sends it blindly nor takes it as done. Unless the
    /// journal already shows that target done: nothing is sent again once its journal shows it
    /// done, so whatever the cut line was (a later update of that result), it cannot undo that.</para>
    /// </summary>
    internal sealed class JournalContents
    {
        // How many unreadable lines the warning names by number; the rest are counted.
        private const int LinesNamed = 10;

        private readonly Dictionary<(string, string), KooPhoneRunEntry> _last = new Dictionary<(string, string), KooPhoneRunEntry>();
        private readonly List<string> _unreadable = new List<string>();
        private int _unreadableCount;

        private JournalContents()
        {
        }

        /// <summary>The last entry of each target (<see cref="RunJournal.KeyOf"/>), as the journal leaves it once its cut line is kept.</summary>
        public IReadOnlyDictionary<(string, string), KooPhoneRunEntry> Last => _last;

        /// <summary>The first entry written by another operation than the run's, if any (the cut line's included).</summary>
        public KooPhoneRunEntry? OtherOperation { get; private set; }

        /// <summary>The line number of a last line cut off before its line break; null when the journal ends with one.</summary>
        public int? CutLine { get; private set; }

        /// <summary>What the cut line's whole fields say (run, operation, target), or null when they do not say whose it was.</summary>
        public KooPhoneRunEntry? CutEntry { get; private set; }

        /// <summary>The intent record that stands for the cut line, to be written whole in its place (RunJournal.EndCutLine); null when there is none to keep.</summary>
        public KooPhoneRunEntry? Kept { get; private set; }

        /// <summary>Reads the journal at <paramref name="path"/> (which may not exist yet) for a run of <paramref name="operation"/>, numbered <paramref name="runId"/>.</summary>
        public static JournalContents Read(string path, string operation, int runId)
        {
            if (!File.Exists(path))
            {
                return new JournalContents();
            }

            using (var reader = RunRecordFile.OpenText(path))
            {
                return Read(reader, () => File.GetLastWriteTimeUtc(path), operation, runId);
            }
        }

        /// <summary>
        /// Reads a journal's text from <paramref name="reader"/> (a file, or a blob's content);
        /// <paramref name="lastWrite"/> says when it was last written, asked only for a cut line
        /// after no readable entry.
        /// </summary>
        public static JournalContents Read(TextReader reader, Func<DateTime> lastWrite, string operation, int runId)
        {
            var contents = new JournalContents();
            var number = 0;
            string? cut = null;
            var latest = default(DateTime);
            foreach (var line in WholeLines.Of(reader, rest => cut = rest))
            {
                number++;

                // The header opens the journal; it is there again, whole, when the first append of
                // a new blob (the header alone) was carried out but its answer lost, and the Azure
                // library sent it again (BlobJournalStore.Blocks). Neither is an entry or damage.
                if ((number == 1 && line.StartsWith("RunId,", StringComparison.Ordinal)) || line == RunRecordFile.Header)
                {
                    continue;
                }

                var entry = RunRecordFile.Parse(line);
                if (entry == null)
                {
                    contents.Unreadable(number.ToString(CultureInfo.InvariantCulture));
                    continue;
                }

                contents.Add(entry, operation);
                latest = entry.At > latest ? entry.At : latest;
            }

            if (cut != null)
            {
                contents.Cut(cut, number + 1, operation, runId, latest == default ? lastWrite() : latest);
            }

            return contents;
        }

        /// <summary>
        /// One warning that names the journal and what in it could not be taken as written: the
        /// unreadable lines (how many, and the first few by number) and a cut last line. Null
        /// when the journal is whole.
        /// </summary>
        public string? Damage(string journal)
        {
            var parts = new List<string>();
            if (_unreadableCount > 0)
            {
                var more = _unreadableCount > _unreadable.Count ? $" and {_unreadableCount - _unreadable.Count} more" : "";
                parts.Add($"{_unreadableCount} line(s) could not be read as entries (line {string.Join(", ", _unreadable)}{more}) and were left out: what they recorded is lost, "
                    + "so an id whose only entries they held counts as not in the journal");
            }

            if (CutEntry != null)
            {
                var target = CutEntry.InstanceId + (string.IsNullOrEmpty(CutEntry.UserId) ? "" : " for user " + CutEntry.UserId);
                parts.Add(Kept != null
                    ? $"its last line (line {CutLine}) was cut off before its end: {target} counts as sent with its outcome unknown, so its state is read "
                        + "and it is never sent blindly; the line was written again whole, as such"
                    : $"its last line (line {CutLine}), for {target}, was cut off before its end and dropped: the journal already shows {target} done, which a later line cannot undo");
            }

            return parts.Count == 0 ? null : $"The journal '{journal}' is damaged: {string.Join("; ", parts)}.";
        }

        private void Add(KooPhoneRunEntry entry, string operation)
        {
            if (OtherOperation == null && entry.Operation.Length > 0 && !string.Equals(entry.Operation, operation, StringComparison.Ordinal))
            {
                OtherOperation = entry;
            }

            // An entry for no instance is an item refused before it was sent (a bad id).
            if (entry.InstanceId.Length > 0)
            {
                _last[RunJournal.KeyOf(entry.InstanceId, entry.UserId)] = entry;
            }
        }

        private void Unreadable(string line)
        {
            _unreadableCount++;
            if (_unreadable.Count < LinesNamed)
            {
                _unreadable.Add(line);
            }
        }

        // The cut line: the first line of a journal that is no more than the start of the header
        // held nothing; one whose target cannot be read is reported with the unreadable lines; one
        // whose target can be read is kept as an intent record. When its own submission time was
        // cut off, it counts as sent at the earliest time it can have been: the latest time the
        // whole lines before it recorded (or, with none, when the file was last written, which
        // is when the cut line was), so its reconciliation looks back far enough.
        private void Cut(string text, int number, string operation, int runId, DateTime writtenAfter)
        {
            CutLine = number;
            if (number == 1 && RunRecordFile.Header.StartsWith(text, StringComparison.Ordinal))
            {
                return;
            }

            CutEntry = RunRecordFile.ParseCut(text);
            if (CutEntry == null)
            {
                Unreadable(number.ToString(CultureInfo.InvariantCulture) + " (cut off)");
                return;
            }

            if (OtherOperation == null && CutEntry.Operation.Length > 0 && !string.Equals(CutEntry.Operation, operation, StringComparison.Ordinal))
            {
                OtherOperation = CutEntry;
            }

            var key = RunJournal.KeyOf(CutEntry.InstanceId, CutEntry.UserId);
            _last.TryGetValue(key, out var before);
            if (before != null && before.Outcome == RunOutcome.Result)
            {
                return;
            }

            // An earlier intent of the same target is the better time: its reconciliation then looks back far enough.
            var sentAt = CutEntry.SubmittedAt ?? (before?.Outcome == RunOutcome.Sent || before?.Outcome == RunOutcome.Unknown ? before.SubmittedAt ?? before.At : writtenAfter);
            Kept = new KooPhoneRunEntry
            {
                RunId = CutEntry.RunId, Operation = CutEntry.Operation, InstanceId = CutEntry.InstanceId, UserId = CutEntry.UserId, Outcome = RunOutcome.Sent,
                SubmittedAt = sentAt, At = sentAt,
                Message = $"Line {number} was cut off here before its end; run {runId} ({RunJournal.Sender}) wrote it again as sent, its outcome unknown.",
            };
            _last[key] = Kept;
        }
    }
}
