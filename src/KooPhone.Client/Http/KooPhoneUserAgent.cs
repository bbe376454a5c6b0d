using System.Net.Http;
using System.Threading;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// The User-Agent of every request, KooPhone's and IAM's: the module, its version, and the
    /// PowerShell edition and version, as Huawei's SDKs name themselves, so the service's logs can
    /// tell which client sent a call. The engine knows no PowerShell: the cmdlet layer describes
    /// the host once per process (Describe); until then the value names the module alone.
    /// </summary>
    internal static class KooPhoneUserAgent
    {
        public const string Product = "KooPhone";

        private static string _value = Product;

        public static string Value => Volatile.Read(ref _value);

        /// <summary>E.g. KooPhone/0.1.0 PowerShell/7.4.6 (Core), or PowerShell/5.1.19041.1 (Desktop) on Windows PowerShell.</summary>
        public static void Describe(string moduleVersion, string hostEdition, string hostVersion) =>
            Volatile.Write(ref _value, $"{Product}/{Token(moduleVersion)} PowerShell/{Token(hostVersion)} ({Token(hostEdition)})");

        internal static void Stamp(HttpRequestMessage request)
        {
            request.Headers.Remove("User-Agent");
            request.Headers.TryAddWithoutValidation("User-Agent", Value);
        }

        // A header value must not break the product-token grammar: no spaces, parentheses or slashes inside a token.
        private static string Token(string text)
        {
            var chars = (string.IsNullOrWhiteSpace(text) ? "unknown" : text.Trim()).ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsWhiteSpace(chars[i]) || chars[i] == '(' || chars[i] == ')' || chars[i] == '/' || chars[i] < 0x21 || chars[i] > 0x7e)
                {
                    chars[i] = '-';
                }
            }

            return new string(chars);
        }
    }
}
