using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// A journal kept across runs at a path the user chooses (-JournalPath): the run record's
    /// format, plus an intent record (Outcome Sent) written and flushed before each call goes out.
    /// A rerun reads the last entry of every id: Result means done, Sent or Unknown means the
    /// call may have been carried out (reconciled, never sent again blindly), anything else is
    /// sent again. One run at a time holds a journal (JournalKeeper, through its lock file).
    /// </summary>
    internal static class RunJournal
    {
        /// <summary>The last entry of each id in the journal; empty when there is no journal yet.</summary>
        public static IReadOnlyDictionary<string, KooPhoneRunEntry> ReadLast(string path)
        {
            var last = new Dictionary<string, KooPhoneRunEntry>(StringComparer.Ordinal);
            if (!File.Exists(path))
            {
                return last;
            }

            foreach (var entry in RunRecordFile.Read(path))
            {
                if (!string.IsNullOrEmpty(entry.InstanceId))
                {
                    last[entry.InstanceId] = entry;
                }
            }

            return last;
        }

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
        /// Drops what follows the last line break of a journal: a last line cut off by a killed
        /// process or a full disk, or the NUL bytes a file system left after a crash. The reader
        /// skips it anyway (RunRecordFile.Read), and once the next entry had ended it with a line
        /// break it would be read as a whole entry. A file with no whole line is emptied.
        /// </summary>
        public static void DropCutLine(string path)
        {
            if (!File.Exists(path))
            {
                return;
            }

            using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
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
                        end = start + lineBreak + 1;
                        break;
                    }

                    end = start;
                }

                if (end < file.Length)
                {
                    file.SetLength(end);
                }
            }
        }
    }
}
