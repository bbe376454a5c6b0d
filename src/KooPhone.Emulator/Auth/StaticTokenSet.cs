using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace KooPhone.Emulator.Auth;

/// <summary>
/// The --token values, each of which can be revoked at run time (as an account owner may
/// withdraw a long-lived token) and is accepted again after a reset, since it is start-up
/// configuration. Comparisons run in constant time. Thread-safe.
/// </summary>
public sealed class StaticTokenSet
{
    private readonly byte[][] tokens;

    // One flag per token, written and read with Volatile: 1 means revoked.
    private readonly int[] revoked;

    /// <summary>Accepts <paramref name="tokens"/>.</summary>
    public StaticTokenSet(IEnumerable<string> tokens)
    {
        this.tokens = tokens.Select(Encoding.UTF8.GetBytes).ToArray();
        revoked = new int[this.tokens.Length];
    }

    /// <summary>Whether <paramref name="presented"/> is a --token value that has not been revoked.</summary>
    public bool Accepts(byte[] presented)
    {
        bool accepted = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            // Every entry is compared, so the time taken does not tell which one matched.
            accepted |= CryptographicOperations.FixedTimeEquals(presented, tokens[i]) && Volatile.Read(ref revoked[i]) == 0;
        }

        return accepted;
    }

    /// <summary>Revokes <paramref name="token"/>; false when it is no --token value.</summary>
    public bool Revoke(string token)
    {
        byte[] presented = Encoding.UTF8.GetBytes(token);
        bool found = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, tokens[i]))
            {
                Volatile.Write(ref revoked[i], 1);
                found = true;
            }
        }

        return found;
    }

    /// <summary>Accepts every --token value again (a reset).</summary>
    public void Restore()
    {
        for (int i = 0; i < revoked.Length; i++)
        {
            Volatile.Write(ref revoked[i], 0);
        }
    }
}
