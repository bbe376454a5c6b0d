using System.Runtime.CompilerServices;
using KooPhone.Client.Runs.Blob;

namespace KooPhone.Client.Runs
{
    /// <summary>The store a -JournalPath names: an http(s) URL is an Azure blob, anything else a file.</summary>
    internal static class JournalStores
    {
        /// <summary>How messages name the journal before its store is open: a URL without its query (which may hold a SAS).</summary>
        public static string NameOf(string path) => BlobJournalUrl.IsUrl(path) ? BlobJournalUrl.Redact(path) : path;

        public static IJournalStore Open(string path) => BlobJournalUrl.IsUrl(path) ? OpenBlob(path) : new FileJournalStore(path);

        // Kept out of line: the Azure libraries load when this method is compiled, which only a
        // blob journal does (the module's import time does not grow).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static IJournalStore OpenBlob(string url) => BlobJournalStore.Open(url);
    }
}
