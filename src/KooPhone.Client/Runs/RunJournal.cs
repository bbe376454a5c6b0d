using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// A journal kept across runs at a path the user chooses (-JournalPath): the run record's
    /// format, plus an intent record (Outcome Sent) written and flushed before each call goes out.
    /// A rerun reads the last entry of every target (JournalContents): Result means done, Sent or
    /// Unknown means the call may have been carried out (reconciled, never sent again blindly),
    /// anything else is sent again. One run at a time holds a journal (JournalKeeper, through its
    /// lock file).
    /// </summary>
    internal static class RunJournal
    {
        /// <summary>
        /// What a journal entry belongs to besides its operation: its instance and, for operations
        /// on user–instance pairs (Grant, Revoke, Restore), its user. An entry for the same
        /// instance with another user says nothing about this pair.
        /// </summary>
        public static (string, string) KeyOf(string instanceId, string? userId) => (instanceId, userId ?? "");

        /// <summary>Who sent it, for the journal as an audit trail.</summary>
        public static string Sender => Environment.UserName + "@" + Environment.MachineName;

        /// <summary>The lock file beside a journal, held while a run uses the journal.</summary>
        public static string LockPathOf(string journal) => journal + ".lock";

        /// <summary>Who holds a journal, as its lock file and the error of a refused run say it.</summary>
        public static string Holder(KooPhoneRun run)
        {
            using (var process = Process.GetCurrentProcess())
            {
                return $"process {process.Id} on host {Environment.MachineName}, user {Environment.UserName}, "
                    + $"since {run.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC, running {run.Command} (run {run.Id})";
            }
        }

        /// <summary>
        /// Ends a journal with a whole line before a run appends to it: what follows its last line
        /// break (a last line cut off by a killed process or a full disk, or the NUL bytes a file
        /// system left after a crash) is replaced by <paramref name="kept"/>, the intent record
        /// that stands for the cut line (JournalContents.Kept), or dropped when there is none.
        /// New lines are never glued onto a cut one. The kept line is written over the cut one
        /// before the file is shortened: a process killed between the two leaves at worst a
        /// remnant of the cut line after it, which the next run reports and ends the same way.
        /// A file with no whole line is emptied (the run writes its header again).
        /// </summary>
        public static void EndCutLine(string path, KooPhoneRunEntry? kept)
        {
            if (!File.Exists(path))
            {
                return;
            }

            using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            {
                var end = LastLineEnd(file);
                var line = kept == null ? new byte[0] : new UTF8Encoding(false).GetBytes(RunRecordFile.Line(kept) + Environment.NewLine);
                if (end == file.Length && line.Length == 0)
                {
                    return;
                }

                file.Position = end;
                file.Write(line, 0, line.Length);
                file.Flush();
                file.SetLength(end + line.Length);
            }
        }

        // Where the last whole line ends: just after the file's last line break, or 0 without one.
        private static long LastLineEnd(FileStream file)
        {
            var buffer = new byte[4096];
            var end = file.Length;
            while (end > 0)
            {
                var start = Math.Max(0, end - buffer.Length);
                file.Position = start;
                var count = (int)(end - start);
                for (var read = 0; read < count;)
                {
                    read += file.Read(buffer, read, count - read);
                }

                var lineBreak = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
                if (lineBreak >= 0)
                {
                    return start + lineBreak + 1;
                }

                end = start;
            }

            return 0;
        }
    }
}
