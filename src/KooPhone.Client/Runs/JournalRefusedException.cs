using System;

namespace KooPhone.Client.Runs
{
    /// <summary>Why a run refused its -JournalPath before sending anything.</summary>
    internal enum JournalRefusal
    {
        /// <summary>Another run, in this process or another, holds the journal.</summary>
        InUse,

        /// <summary>The journal, its lock file or its folder cannot be created, read or written.</summary>
        Unwritable,

        /// <summary>The journal holds entries of another operation.</summary>
        OtherOperation,
    }

    /// <summary>
    /// A run's journal (-JournalPath) that it cannot use: held by another run, not writable, or
    /// written by another operation. Thrown before anything is sent.
    /// </summary>
    public sealed class JournalRefusedException : Exception
    {
        private JournalRefusedException(JournalRefusal reason, string journalPath, string message, Exception? inner = null)
            : base(message, inner)
        {
            Reason = reason;
            JournalPath = journalPath;
        }

        /// <summary>The journal, as a full path.</summary>
        public string JournalPath { get; }

        internal JournalRefusal Reason { get; }

        internal static JournalRefusedException InUse(string journal, string lockPath, string holder) =>
            new JournalRefusedException(
                JournalRefusal.InUse,
                journal,
                $"The journal '{journal}' is in use by another run: {(holder.Length > 0 ? holder : "its holder did not say who it is")}. "
                + $"A journal takes one run at a time, so nothing was sent. Run the command again once that run has ended (or stop it). "
                + $"The lock is held on '{lockPath}' and ends with its process.");

        internal static JournalRefusedException Unwritable(string journal, Exception error) =>
            new JournalRefusedException(
                JournalRefusal.Unwritable,
                journal,
                $"The journal '{journal}' cannot be used: {error.Message} Nothing was sent. Give -JournalPath a file in a folder this account can create and write.",
                error);

        internal static JournalRefusedException LeaseHeld(string journal, string holder) =>
            new JournalRefusedException(
                JournalRefusal.InUse,
                journal,
                $"The journal '{journal}' is in use by another run: {(holder.Length > 0 ? holder : "its holder did not say who it is")}. "
                + "A journal takes one run at a time, so nothing was sent. Run the command again once that run has ended (or stop it). "
                + "The run holds a lease on the blob, which lapses within a minute of its process ending.");

        /// <summary>A blob journal that cannot be used; <paramref name="reason"/> holds no secret, and no inner error is kept (Azure's may name the URL).</summary>
        internal static JournalRefusedException BlobUnwritable(string journal, string reason) =>
            new JournalRefusedException(
                JournalRefusal.Unwritable,
                journal,
                $"The journal '{journal}' cannot be used: {reason} Nothing was sent. Give -JournalPath an append blob in an existing container that this identity can read and write "
                + "(the role 'Storage Blob Data Contributor', or a SAS with read, add, create and write permissions).");

        internal static JournalRefusedException OtherOperation(string journal, KooPhoneRunEntry entry, string operation) =>
            new JournalRefusedException(
                JournalRefusal.OtherOperation,
                journal,
                $"The journal '{journal}' was written by {entry.Operation} (run {entry.RunId}), not {operation}: its entries would be taken for this command's. "
                + "Nothing was sent. Give each command a journal of its own.");
    }
}
