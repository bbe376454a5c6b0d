using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Huawei Cloud's SDK-HMAC-SHA256 request signature (docs/api-reference.md §8.2), checked against every
    /// official test vector (§8.3). The secret key is used directly as the HMAC key; there is no
    /// date or region key derivation.
    /// </summary>
    internal static class SdkHmacSigner
    {
        public const string Algorithm = "SDK-HMAC-SHA256";
        public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";
        public const string EmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        /// <summary>The Authorization header value.</summary>
        public static string Authorization(SigningRequest request, string accessKey, byte[] secretKey, string sdkDate)
        {
            var signedHeaders = SignedHeaderNames(request);
            var signature = Signature(request, secretKey, sdkDate);
            return $"{Algorithm} Access={accessKey}, SignedHeaders={signedHeaders}, Signature={signature}";
        }

        public static string Signature(SigningRequest request, byte[] secretKey, string sdkDate)
        {
            using (var hmac = new HMACSHA256(secretKey))
            {
                return ToHex(hmac.ComputeHash(Encoding.UTF8.GetBytes(StringToSign(request, sdkDate))));
            }
        }

        public static string StringToSign(SigningRequest request, string sdkDate) =>
            Algorithm + "\n" + sdkDate + "\n" + Sha256Hex(Encoding.UTF8.GetBytes(CanonicalRequest(request)));

        public static string CanonicalRequest(SigningRequest request)
        {
            var headers = request.SignedHeaders
                .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.Trim()))
                .OrderBy(h => h.Key, StringComparer.Ordinal)
                .ToList();
            var canonicalHeaders = new StringBuilder();
            foreach (var header in headers)
            {
                canonicalHeaders.Append(header.Key).Append(':').Append(header.Value).Append('\n');
            }

            return string.Join("\n",
                request.Method.ToUpperInvariant(),
                CanonicalUri(request.Uri),
                CanonicalQuery(request.Uri),
                canonicalHeaders.ToString(),
                SignedHeaderNames(request),
                request.Body.Length == 0 ? EmptyBodyHash : Sha256Hex(request.Body));
        }

        public static string SignedHeaderNames(SigningRequest request) =>
            string.Join(";", request.SignedHeaders.Keys.Select(k => k.ToLowerInvariant()).OrderBy(k => k, StringComparer.Ordinal));

        /// <summary>The URI authority as the Host header carries it: the port only when it is not the scheme's default.</summary>
        public static string HostOf(Uri uri) => uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port;

        private static string CanonicalUri(Uri uri)
        {
            var segments = uri.AbsolutePath.Split('/').Select(s => SigningEncoder.Encode(Uri.UnescapeDataString(s)));
            var path = string.Join("/", segments);
            if (path.Length == 0)
            {
                return "/";
            }

            // The canonical form always ends with a slash; the real URL is left as it is.
            return path.EndsWith("/", StringComparison.Ordinal) ? path : path + "/";
        }

        private static string CanonicalQuery(Uri uri)
        {
            var query = uri.Query.TrimStart('?');
            if (query.Length == 0)
            {
                return "";
            }

            var pairs = query.Split('&')
                .Where(p => p.Length > 0)
                .Select(p =>
                {
                    var equals = p.IndexOf('=');
                    var name = equals < 0 ? p : p.Substring(0, equals);
                    var value = equals < 0 ? "" : p.Substring(equals + 1);
                    return new KeyValuePair<string, string>(SigningEncoder.Encode(Unescape(name)), SigningEncoder.Encode(Unescape(value)));
                })
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal);
            return string.Join("&", pairs.Select(p => p.Key + "=" + p.Value));
        }

        private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

        private static string Sha256Hex(byte[] data)
        {
            using (var sha = SHA256.Create())
            {
                return ToHex(sha.ComputeHash(data));
            }
        }

        private static string ToHex(byte[] bytes)
        {
            var builder = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }
}
