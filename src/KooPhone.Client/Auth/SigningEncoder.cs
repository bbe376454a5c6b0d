using System.Text;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Percent-encoding as the SDK-HMAC-SHA256 signer does it (docs/api-reference.md §8.2): UTF-8, keep only
    /// A–Z a–z 0–9 - _ . ~, everything else %XX in upper-case hex. Written by hand because
    /// Uri.EscapeDataString leaves * ! ' ( ) alone on older .NET Framework versions.
    /// </summary>
    internal static class SigningEncoder
    {
        private const string Hex = "0123456789ABCDEF";

        public static string Encode(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                if (IsUnreserved(b))
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0x0F]);
                }
            }

            return builder.ToString();
        }

        private static bool IsUnreserved(byte b) =>
            (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_' || b == '.' || b == '~';
    }
}
