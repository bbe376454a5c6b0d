using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace KooPhone.Emulator.Auth.Signing;

/// <summary>
/// Builds the canonical request of SDK-HMAC-SHA256 (docs/api-reference.md §8.2, steps 1–7) from what the
/// server received: the method, the raw path and query as they came on the request line, the
/// signed headers and the hash of the exact body bytes.
/// </summary>
public static class CanonicalRequest
{
    /// <summary>The canonical request: method, URI, query, headers, signed headers and payload hash, LF-separated.</summary>
    public static string Build(
        string method, string rawPath, string rawQuery, IEnumerable<KeyValuePair<string, string>> signedHeaders, string payloadHashHex)
    {
        List<KeyValuePair<string, string>> headers = signedHeaders
            .Select(header => new KeyValuePair<string, string>(header.Key.ToLowerInvariant(), header.Value.Trim()))
            .OrderBy(header => header.Key, StringComparer.Ordinal)
            .ToList();

        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n');
        builder.Append(Uri(rawPath)).Append('\n');
        builder.Append(Query(rawQuery)).Append('\n');
        foreach (KeyValuePair<string, string> header in headers)
        {
            builder.Append(header.Key).Append(':').Append(header.Value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', headers.Select(header => header.Key))).Append('\n');
        builder.Append(payloadHashHex);
        return builder.ToString();
    }

    /// <summary>
    /// Step 1: each path segment decoded, then encoded with <see cref="SigningEncoder"/>, re-joined
    /// with '/', always ending with '/'. "/v1/instances/backup" becomes "/v1/instances/backup/".
    /// </summary>
    public static string Uri(string rawPath)
    {
        string[] segments = rawPath.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            segments[i] = SigningEncoder.Encode(System.Uri.UnescapeDataString(segments[i]));
        }

        string joined = string.Join('/', segments);
        return joined.EndsWith('/') ? joined : joined + "/";
    }

    /// <summary>
    /// Step 2: each name and value decoded, then encoded with <see cref="SigningEncoder"/>, sorted
    /// by name and then by value (ordinal), emitted as name=value joined by '&amp;'. A parameter
    /// without '=' has an empty value. <paramref name="rawQuery"/> may start with '?'.
    /// </summary>
    public static string Query(string rawQuery)
    {
        string query = rawQuery.StartsWith('?') ? rawQuery.Substring(1) : rawQuery;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string parameter in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = parameter.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? parameter : parameter.Substring(0, equals);
            string value = equals < 0 ? string.Empty : parameter.Substring(equals + 1);
            pairs.Add(new KeyValuePair<string, string>(
                SigningEncoder.Encode(System.Uri.UnescapeDataString(name)),
                SigningEncoder.Encode(System.Uri.UnescapeDataString(value))));
        }

        return string.Join('&', pairs
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => pair.Key + "=" + pair.Value));
    }
}
