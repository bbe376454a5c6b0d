using System.Text;

namespace KooPhone.Emulator.Auth.Signing;

/// <summary>
/// The percent-encoding of the canonical request (docs/api-reference.md §8.2): UTF-8 bytes, the unreserved
/// characters A–Z a–z 0–9 - _ . ~ kept, every other byte as %XX in upper case. Written out by
/// hand because Uri.EscapeDataString's set of kept characters has varied between runtimes.
/// </summary>
public static class SigningEncoder
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Encodes <paramref name="text"/> (already decoded) for the canonical request.</summary>
    public static string Encode(string text)
    {
        if (IsAllUnreserved(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length * 3);
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            if (IsUnreserved((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private static bool IsAllUnreserved(string text)
    {
        foreach (char c in text)
        {
            if (!IsUnreserved(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';
}
