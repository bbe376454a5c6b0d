using System;
using System.Linq;

namespace KooPhone.Client.Runs.Blob
{
    /// <summary>
    /// A -JournalPath that names an Azure blob: https://&lt;account&gt;.blob.core.windows.net/&lt;container&gt;/&lt;name&gt;,
    /// or a path-style endpoint such as Azurite's http://127.0.0.1:10000/devstoreaccount1/&lt;container&gt;/&lt;name&gt;,
    /// with an optional SAS as its query. No Azure types here: this is what the module reads of
    /// every -JournalPath, and the Azure libraries load only once a blob journal is opened.
    /// </summary>
    internal sealed class BlobJournalUrl
    {
        private BlobJournalUrl(Uri uri, string account, string container, string name, string endpoint)
        {
            Uri = uri;
            Account = account;
            Container = container;
            BlobName = name;
            Endpoint = endpoint;
        }

        /// <summary>The URL as given, SAS included: never to be shown.</summary>
        public Uri Uri { get; }

        public string Account { get; }

        public string Container { get; }

        /// <summary>The blob's name in its container (it may hold '/').</summary>
        public string BlobName { get; }

        /// <summary>The account's blob endpoint: scheme, host, port and, path-style, the account.</summary>
        public string Endpoint { get; }

        /// <summary>The SAS of the URL (its query without '?'), or null.</summary>
        public string? Sas => Uri.Query.Length > 1 ? Uri.Query.Substring(1) : null;

        /// <summary>The URL without its query, as messages and the run record name the journal.</summary>
        public string Redacted => Endpoint + "/" + Container + "/" + BlobName;

        /// <summary>The URL without its query, as a Uri (for a client given a credential of its own).</summary>
        public Uri WithoutQuery => new Uri(Redacted);

        /// <summary>True for an http(s) URL: -JournalPath is then a blob, never a provider path.</summary>
        public static bool IsUrl(string path) =>
            Uri.TryCreate(path, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

        /// <summary>A URL without its query, for messages about a -JournalPath that is not a blob URL we can use.</summary>
        public static string Redact(string url)
        {
            var query = url.IndexOf('?');
            return query < 0 ? url : url.Substring(0, query);
        }

        /// <summary>Parses a blob URL, or throws ArgumentException (whose message holds no query) when it names no container and blob.</summary>
        public static BlobJournalUrl Parse(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"'{Redact(url)}' is not an http(s) URL.");
            }

            var segments = uri.AbsolutePath.Split('/').Where(s => s.Length > 0).Select(Uri.UnescapeDataString).ToList();
            var authority = uri.GetLeftPart(UriPartial.Authority);
            string account;
            if (IsPathStyle(uri))
            {
                // Azurite and other emulators: the account is the first segment of the path.
                if (segments.Count < 3)
                {
                    throw new ArgumentException($"'{Redact(url)}' names no blob: expected {authority}/<account>/<container>/<name>.");
                }

                account = segments[0];
                segments.RemoveAt(0);
                authority += "/" + account;
            }
            else
            {
                if (segments.Count < 2)
                {
                    throw new ArgumentException($"'{Redact(url)}' names no blob: expected {authority}/<container>/<name>.");
                }

                account = uri.Host.Split('.')[0];
            }

            return new BlobJournalUrl(uri, account, segments[0], string.Join("/", segments.Skip(1)), authority);
        }

        // An IP address or localhost carries no account in its host name (Azurite's addresses);
        // an account's own endpoint (<account>.blob.core.windows.net, or a sovereign cloud's) does.
        private static bool IsPathStyle(Uri uri) =>
            uri.HostNameType == UriHostNameType.IPv4 || uri.HostNameType == UriHostNameType.IPv6
            || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || uri.Host.IndexOf('.') < 0;
    }
}
