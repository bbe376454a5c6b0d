using System;
using System.Security.Cryptography;
using System.Text;

namespace KooPhone.Emulator.Auth.Signing;

/// <summary>Steps 6, 8 and 9 of SDK-HMAC-SHA256 (docs/api-reference.md §8.2): hashes, string to sign, signature.</summary>
public static class SdkSignature
{
    /// <summary>The algorithm name, first line of the string to sign and of the Authorization header.</summary>
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/> (the payload hash of step 6).</summary>
    public static string HashHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Step 8: the algorithm, the X-Sdk-Date value and the hash of the canonical request.</summary>
    public static string StringToSign(string sdkDate, string canonicalRequest) =>
        Algorithm + "\n" + sdkDate + "\n" + HashHex(Encoding.UTF8.GetBytes(canonicalRequest));

    /// <summary>Step 9: lower-case hex HMAC-SHA256 keyed with the UTF-8 secret key itself (no key derivation).</summary>
    public static string Compute(string secretKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
}
