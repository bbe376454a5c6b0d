using System;
using System.Linq;
using System.Net;
using KooPhone.Client.Connection;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// The proxy a context uses: -Proxy when given, else HTTPS_PROXY (or HTTP_PROXY) with NO_PROXY
    /// from the environment. .NET Core reads those variables itself but .NET Framework (Windows
    /// PowerShell 5.1) does not, so the module reads them on both and behaves the same.
    /// </summary>
    internal static class ProxySettings
    {
        public static IWebProxy? For(KooPhoneConnectionOptions options, Func<string, string?>? environment = null)
        {
            var read = environment ?? Environment.GetEnvironmentVariable;
            if (options.Proxy != null)
            {
                return new WebProxy(options.Proxy) { Credentials = options.ProxyCredential, BypassProxyOnLocal = false };
            }

            var text = First(read, "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy");
            if (text == null || !Uri.TryCreate(text.Contains("://") ? text : "http://" + text, UriKind.Absolute, out var address))
            {
                return null;
            }

            var bypass = (First(read, "NO_PROXY", "no_proxy") ?? "")
                .Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(BypassPattern)
                .ToArray();
            return new WebProxy(address) { BypassList = bypass, Credentials = options.ProxyCredential };
        }

        private static string? First(Func<string, string?> read, params string[] names) =>
            names.Select(read).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

        /// <summary>NO_PROXY entries (host, .domain, *.domain, host:port) as WebProxy's regular expressions.</summary>
        private static string BypassPattern(string entry)
        {
            var host = entry.Trim().TrimStart('*').TrimStart('.');
            var colon = host.LastIndexOf(':');
            if (colon > 0 && host.IndexOf(']') < colon)
            {
                host = host.Substring(0, colon);
            }

            // WebProxy matches its bypass list against "scheme://host[:port]".
            return "^(?:[a-z]+://)?(?:[^/]*\\.)?" + System.Text.RegularExpressions.Regex.Escape(host) + "(?::\\d+)?$";
        }
    }
}
