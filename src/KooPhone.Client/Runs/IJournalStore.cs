using System;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// Where a journal (-JournalPath) lives: a file (FileJournalStore) or an Azure append blob
    /// (Blob/BlobJournalStore). JournalKeeper keeps the journal's rules; a store only holds,
    /// reads and appends. Steps before Continue throw JournalRefusedException, or what the file
    /// system throws (JournalKeeper names the journal in it); nothing has been sent then.
    /// </summary>
    internal interface IJournalStore : IDisposable
    {
        /// <summary>The journal as messages and the run record name it: a full path, or a URL without its query (which may hold a SAS).</summary>
        string Name { get; }

        /// <summary>Takes the journal for this run alone, or throws JournalRefusedException.InUse.</summary>
        void Hold(KooPhoneRun run);

        /// <summary>What earlier runs wrote (nothing when the journal does not exist yet).</summary>
        JournalContents Read(string operation, int runId);

        /// <summary>Ends a cut last line (with <paramref name="kept"/>, the intent record it counts as) and opens the journal for appending.</summary>
        void Continue(KooPhoneRunEntry? kept);

        /// <summary>Adds one entry; it is written by the next Flush at the latest.</summary>
        void Append(KooPhoneRunEntry entry);

        /// <summary>Writes what was appended where a killed process cannot lose it.</summary>
        void Flush();
    }
}
