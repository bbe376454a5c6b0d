using System.Runtime.CompilerServices;
using KooPhone.Client.Runs.Blob;

namespace KooPhone.Client.Runs
{
    /// <summary>The store a -JournalPath names: an http(s) URL is an Azure blob, anything else a file.</summary>
    internal static class JournalStores
    {
        public static IJournalStore Open(string path) => BlobJournalUrl.IsUrl(path) ? OpenBlob(path) : new FileJournalStore(path);

        // Kept out of line: the Azure libraries load when this method is compiled, which only a
        // blob journal does (the module's import time does not grow).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static IJournalStore OpenBlob(string url) => BlobJournalStore.Open(url);
    }
}
