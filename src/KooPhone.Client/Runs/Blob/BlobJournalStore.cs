using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace KooPhone.Client.Runs.Blob
{
    /// <summary>
    /// A journal in an Azure append blob, with the file journal's guarantees: one run at a time
    /// holds it (a 60-second blob lease, renewed while the run lives and released at its end; a
    /// killed run's lease lapses by itself), and Flush commits what was appended as one block
    /// before the call it announces is sent. A block is written whole or not at all, so a blob
    /// this class wrote never ends in a cut line. Every failure of Azure becomes an error whose
    /// message holds no secret (the URL's query, keys and tokens are never put in one).
    /// </summary>
    internal sealed class BlobJournalStore : IJournalStore
    {
        private const string HolderKey = "koophoneholder";
        private static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

        // A block holds at most 4 MiB for every service version this library may speak.
        private const int MostBlockBytes = 4 * 1024 * 1024;

        private readonly object _gate = new object();
        private readonly StringBuilder _pending = new StringBuilder();
        private readonly AppendBlobClient _blob;
        private readonly string _access;
        private BlobLeaseClient? _lease;
        private Timer? _renewal;
        private bool _empty;
        private bool _endsWithLineBreak;
        private bool _open;

        private BlobJournalStore(BlobJournalUrl url, AppendBlobClient blob, string access)
        {
            Name = url.Redacted;
            _blob = blob;
            _access = access;
        }

        public string Name { get; }

        /// <summary>The blob at <paramref name="url"/>, with the credential the environment gives (BlobJournalAccess).</summary>
        public static BlobJournalStore Open(string url)
        {
            BlobJournalUrl parsed;
            try
            {
                parsed = BlobJournalUrl.Parse(url);
            }
            catch (ArgumentException e)
            {
                throw JournalRefusedException.BlobUnwritable(BlobJournalUrl.Redact(url), e.Message);
            }

            var access = BlobJournalAccess.For(parsed);
            if (access.Kind == BlobJournalAccessKind.ManagedIdentity && parsed.Uri.Scheme != Uri.UriSchemeHttps)
            {
                // Azure.Core sends a token only over TLS; say so rather than its InvalidOperationException.
                throw JournalRefusedException.BlobUnwritable(parsed.Redacted, $"it has no SAS and {BlobJournalAccess.ConnectionStringVariable} names another account, and a managed identity signs in only to https endpoints.");
            }

            return new BlobJournalStore(parsed, Client(parsed, access), access.Describe());
        }

        public void Hold(KooPhoneRun run)
        {
            Azure(() =>
            {
                _blob.CreateIfNotExists();
                var lease = _blob.GetBlobLeaseClient();
                try
                {
                    lease.Acquire(LeaseLength);
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    throw JournalRefusedException.LeaseHeld(Name, HolderOf());
                }

                _lease = lease;
                _renewal = new Timer(_ => Renew(), null, RenewEvery, RenewEvery);
                _blob.SetMetadata(new Dictionary<string, string> { [HolderKey] = Ascii(RunJournal.Holder(run)) }, new BlobRequestConditions { LeaseId = lease.LeaseId });
            });
        }

        public JournalContents Read(string operation, int runId) => Azure(() =>
        {
            var content = _blob.DownloadContent().Value;
            var text = content.Content.ToString();
            _empty = text.Length == 0;
            _endsWithLineBreak = _empty || text[text.Length - 1] == '\n';
            var lastWrite = content.Details.LastModified.UtcDateTime;
            using (var reader = new StringReader(text))
            {
                return JournalContents.Read(reader, () => lastWrite, operation, runId);
            }
        });

        /// <summary>
        /// A blob cannot be shortened: a cut line (which only another writer can leave) is ended
        /// with a line break, after which it is an unreadable line that reruns report, and the
        /// intent record it counts as follows it. A new blob starts with the header.
        /// </summary>
        public void Continue(KooPhoneRunEntry? kept)
        {
            lock (_gate)
            {
                if (_empty)
                {
                    _pending.Append(RunRecordFile.Header).Append('\n');
                }
                else if (!_endsWithLineBreak)
                {
                    _pending.Append('\n');
                }

                if (kept != null)
                {
                    _pending.Append(RunRecordFile.Line(kept)).Append('\n');
                }

                Azure(() => Commit());
                _open = true;
            }
        }

        public void Append(KooPhoneRunEntry entry)
        {
            var line = RunRecordFile.Line(entry);
            lock (_gate)
            {
                _pending.Append(line).Append('\n');
            }
        }

        public void Flush()
        {
            lock (_gate)
            {
                Written(() => Commit());
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                try
                {
                    if (_open)
                    {
                        Written(() => Commit());
                    }
                }
                finally
                {
                    _open = false;
                    _renewal?.Dispose();
                    _renewal = null;
                    Release();
                }
            }
        }

        private static AppendBlobClient Client(BlobJournalUrl url, BlobJournalAccess access)
        {
            // Transient failures are retried, but a run that cannot reach its journal says so
            // within seconds (the library's own default waits several times longer). The managed
            // identity keeps the library's schedule: it knows its endpoints (IMDS asks callers to
            // wait out its updates), so an identity that cannot sign in is refused in about 25 s.
            var options = new BlobClientOptions();
            options.Retry.Mode = RetryMode.Exponential;
            options.Retry.MaxRetries = 3;
            options.Retry.Delay = TimeSpan.FromSeconds(0.5);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
            switch (access.Kind)
            {
                case BlobJournalAccessKind.Sas:
                    return new AppendBlobClient(url.WithoutQuery, new AzureSasCredential(access.Secret!), options);
                case BlobJournalAccessKind.SharedKey:
                    return new AppendBlobClient(url.WithoutQuery, new StorageSharedKeyCredential(url.Account, access.Secret!), options);
                default:
                    TokenCredential identity = access.ClientId == null
                        ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(access.ClientId));
                    return new AppendBlobClient(url.WithoutQuery, identity, options);
            }
        }

        // Only the service's status and error code, never its message, which may echo the request.
        private static string Reason(Exception e)
        {
            switch (e)
            {
                // What the retries of an unreachable endpoint end with: each attempt's failure.
                case AggregateException all when all.InnerExceptions.Count > 0:
                    return Reason(all.InnerExceptions[all.InnerExceptions.Count - 1]);
                case RequestFailedException failed when failed.ErrorCode == "ContainerNotFound":
                    return "its container does not exist (HTTP 404 ContainerNotFound)";
                case RequestFailedException failed when failed.Status == 403:
                    return $"access was denied (HTTP 403 {failed.ErrorCode})";
                case RequestFailedException failed when failed.Status == 0:
                    return "the blob endpoint could not be reached";
                case RequestFailedException failed:
                    return $"Azure Blob Storage answered HTTP {failed.Status} {failed.ErrorCode}";
                case CredentialUnavailableException _:
                case AuthenticationFailedException _:
                    return "no managed identity could sign in (set " + BlobJournalAccess.ConnectionStringVariable + ", give a SAS in the URL, or run where a managed identity is assigned)";
                default:
                    return e.GetType().Name;
            }
        }

        private static string Ascii(string text) => new string(text.Select(c => c >= ' ' && c < 127 ? c : '?').ToArray());

        // Before the run holds the journal: a failure refuses it.
        private T Azure<T>(Func<T> step)
        {
            try
            {
                return step();
            }
            catch (Exception e) when (!(e is JournalRefusedException))
            {
                throw JournalRefusedException.BlobUnwritable(Name, $"{Reason(e)}, reached {_access}.");
            }
        }

        private void Azure(Action step) => Azure(() =>
        {
            step();
            return true;
        });

        // While the run holds the journal: a failure is an IOException, as a full disk is for a file journal.
        private void Written(Action step)
        {
            try
            {
                step();
            }
            catch (Exception e) when (!(e is IOException))
            {
                throw new IOException($"The journal '{Name}' could not be written: {Reason(e)}, reached {_access}.");
            }
        }

        private void Commit()
        {
            if (_pending.Length == 0)
            {
                return;
            }

            var bytes = new UTF8Encoding(false).GetBytes(_pending.ToString());
            var options = new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { LeaseId = _lease?.LeaseId } };
            foreach (var (start, length) in Blocks(bytes, MostBlockBytes))
            {
                using (var block = new MemoryStream(bytes, start, length, writable: false))
                {
                    _blob.AppendBlock(block, options);
                }
            }

            _pending.Clear();
            _empty = false;
        }

        /// <summary>
        /// The blocks <paramref name="bytes"/> (whole lines) are appended in, each at most
        /// <paramref name="most"/> bytes and ending at a line break. An append whose answer was
        /// lost is sent again by the library's retries, and a failed Flush sends all it holds
        /// again, so a block may be written twice: as whole lines, a repeat is a record read twice
        /// (the later copy of the same record wins, JournalContents) or the header again (read as
        /// the header), never a line cut in two.
        /// </summary>
        internal static IEnumerable<(int Start, int Length)> Blocks(byte[] bytes, int most)
        {
            for (var start = 0; start < bytes.Length;)
            {
                var length = Math.Min(most, bytes.Length - start);
                if (start + length < bytes.Length)
                {
                    // UTF-8 never uses the byte of '\n' inside another character.
                    var end = Array.LastIndexOf(bytes, (byte)'\n', start + length - 1, length);
                    length = end >= start ? end - start + 1 : length;
                }

                yield return (start, length);
                start += length;
            }
        }

        private string HolderOf()
        {
            try
            {
                return _blob.GetProperties().Value.Metadata.TryGetValue(HolderKey, out var holder) ? holder : "";
            }
            catch (RequestFailedException)
            {
                return "";
            }
        }

        private void Renew()
        {
            try
            {
                _lease?.Renew();
            }
            catch (Exception)
            {
                // The next append, made under the lease, says it was lost; a timer has no one to tell.
            }
        }

        private void Release()
        {
            var lease = _lease;
            _lease = null;
            if (lease == null)
            {
                return;
            }

            try
            {
                // The blob's metadata must not name a holder that has let go (as a lock file's text does not).
                _blob.SetMetadata(new Dictionary<string, string>(), new BlobRequestConditions { LeaseId = lease.LeaseId });
                lease.Release();
            }
            catch (Exception)
            {
                // Best effort: an unreleased lease lapses within LeaseLength.
            }
        }
    }
}
