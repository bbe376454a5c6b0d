using System;
using System.Collections.Generic;
using System.IO;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// A journal kept across runs at a path the user chooses (-JournalPath): the run record's
    /// format, plus an intent record (Outcome Sent) written and flushed before each call goes out.
    /// A rerun reads the last entry of every id: Result means done, Sent or Unknown means the
    /// call may have been carried out (reconciled, never sent again blindly), anything else is
    /// sent again.
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
    }
}
