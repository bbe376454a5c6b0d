using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.Auth.Signing;

/// <summary>
/// A parsed <c>Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…</c> header
/// (docs/api-reference.md §8.2 step 10). Signed header names are lower-cased, de-duplicated and sorted, as
/// the canonical request lists them.
/// </summary>
public sealed class SdkAuthorization
{
    /// <summary>What the header value starts with: the algorithm name and one space.</summary>
    public const string SchemePrefix = SdkSignature.Algorithm + " ";

    private SdkAuthorization(string accessKey, IReadOnlyList<string> signedHeaders, string signature)
    {
        AccessKey = accessKey;
        SignedHeaders = signedHeaders;
        Signature = signature;
    }

    /// <summary>The access key (AK) the client signed with.</summary>
    public string AccessKey { get; }

    /// <summary>The signed header names: lower case, sorted, no duplicates.</summary>
    public IReadOnlyList<string> SignedHeaders { get; }

    /// <summary>The presented signature, as sent.</summary>
    public string Signature { get; }

    /// <summary>Whether <paramref name="value"/> claims to be an SDK-HMAC-SHA256 signature.</summary>
    public static bool IsSignature(string? value) => value is not null && value.StartsWith(SchemePrefix, StringComparison.Ordinal);

    /// <summary>Parses the header value; on failure <paramref name="problem"/> says what is wrong (never echoing values).</summary>
    public static bool TryParse(string value, out SdkAuthorization? authorization, out string? problem)
    {
        authorization = null;
        string? access = null, signedHeaders = null, signature = null;
        foreach (string part in value.Substring(SchemePrefix.Length).Split(','))
        {
            string trimmed = part.Trim();
            int equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? trimmed : trimmed.Substring(0, equals);
            string field = equals < 0 ? string.Empty : trimmed.Substring(equals + 1);
            bool fresh = name switch
            {
                "Access" => Assign(ref access, field),
                "SignedHeaders" => Assign(ref signedHeaders, field),
                "Signature" => Assign(ref signature, field),
                _ => false,
            };

            if (!fresh)
            {
                problem = "malformed Authorization header: expected Access=, SignedHeaders= and Signature= once each";
                return false;
            }
        }

        if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature))
        {
            problem = "malformed Authorization header: Access, SignedHeaders and Signature must all be present and non-empty";
            return false;
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string name in signedHeaders.Split(';'))
        {
            if (name.Length == 0)
            {
                problem = "malformed Authorization header: SignedHeaders has an empty name";
                return false;
            }

            names.Add(name.ToLowerInvariant());
        }

        authorization = new SdkAuthorization(access, new List<string>(names), signature);
        problem = null;
        return true;
    }

    private static bool Assign(ref string? target, string value)
    {
        if (target is not null)
        {
            return false;
        }

        target = value;
        return true;
    }
}
