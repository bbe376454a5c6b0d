using System.IO;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// A journal in a file: held through an ExclusiveFileLock on the .lock file beside it, a cut
    /// last line ended in place (RunJournal.EndCutLine), entries appended by a RunRecordFile.
    /// </summary>
    internal sealed class FileJournalStore : IJournalStore
    {
        private ExclusiveFileLock? _hold;
        private RunRecordFile? _file;

        public FileJournalStore(string path)
        {
            Name = Path.GetFullPath(path);
        }

        public string Name { get; }

        public void Hold(KooPhoneRun run)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Name)!);
            var lockPath = RunJournal.LockPathOf(Name);
            _hold = ExclusiveFileLock.TryAcquire(lockPath, RunJournal.Holder(run), out var holder) ?? throw JournalRefusedException.InUse(Name, lockPath, holder);
        }

        public JournalContents Read(string operation, int runId) => JournalContents.Read(Name, operation, runId);

        public void Continue(KooPhoneRunEntry? kept)
        {
            RunJournal.EndCutLine(Name, kept);
            _file = new RunRecordFile(Name, append: true);
        }

        public void Append(KooPhoneRunEntry entry) => _file!.Append(entry);

        public void Flush() => _file!.Flush();

        public void Dispose()
        {
            try
            {
                _file?.Dispose();
            }
            finally
            {
                _hold?.Dispose();
            }
        }
    }
}
