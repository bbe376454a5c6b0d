using System;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace KooPhone.Emulator.Auth;

/// <summary>
/// The tokens the IAM endpoint issued. Only a SHA-256 hash of each is kept, never the token, so
/// no log, dump or admin answer can leak one. Looking up the hash also keeps the check from
/// comparing secrets byte by byte. Thread-safe. A reset of the emulator leaves it alone: tests
/// reset state between cases but stay logged in.
/// </summary>
public sealed class IssuedTokenStore
{
    // 132 random bytes are 176 base64url characters: with the prefix about as long as the
    // 180-odd characters clients must be ready for, and far too many to guess.
    private const int RandomBytes = 132;

    // Real IAM tokens are base64 of a CMS structure and so start with "MII".
    private const string Prefix = "MII";

    private readonly ConcurrentDictionary<string, DateTimeOffset> expiryByHash = new(StringComparer.Ordinal);
    private long issuedCount;

    /// <summary>Issues a new opaque token valid for <paramref name="lifetime"/> from <paramref name="now"/>.</summary>
    public IssuedToken Issue(DateTimeOffset now, TimeSpan lifetime)
    {
        string token = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
        DateTimeOffset expiresAt = now + lifetime;
        expiryByHash[Hash(token)] = expiresAt;
        Interlocked.Increment(ref issuedCount);
        return new IssuedToken(token, now, expiresAt);
    }

    /// <summary>Whether <paramref name="token"/> is active, expired or unknown at <paramref name="now"/>.</summary>
    public IssuedTokenStatus Check(string token, DateTimeOffset now)
    {
        if (!expiryByHash.TryGetValue(Hash(token), out DateTimeOffset expiresAt))
        {
            return IssuedTokenStatus.Unknown;
        }

        return now < expiresAt ? IssuedTokenStatus.Active : IssuedTokenStatus.Expired;
    }

    /// <summary>When <paramref name="token"/> expires, or null when it was never issued (or was revoked).</summary>
    public DateTimeOffset? ExpiryOf(string token) =>
        expiryByHash.TryGetValue(Hash(token), out DateTimeOffset expiresAt) ? expiresAt : null;

    /// <summary>Invalidates every token issued so far, as IAM may do early (docs/api-reference.md §7.1).</summary>
    public void RevokeAll() => expiryByHash.Clear();

    /// <summary>Tokens issued since start, and those still active at <paramref name="now"/>.</summary>
    public TokenCounts Count(DateTimeOffset now)
    {
        long active = 0;
        foreach (DateTimeOffset expiresAt in expiryByHash.Values)
        {
            if (now < expiresAt)
            {
                active++;
            }
        }

        return new TokenCounts(Interlocked.Read(ref issuedCount), active);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
