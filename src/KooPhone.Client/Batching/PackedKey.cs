namespace KooPhone.Client.Batching
{
    /// <summary>
    /// Packs a short ASCII key (KooPhone's ids look like a44uhlf7) losslessly into one 64-bit
    /// number, so a million ids cost 8 bytes each instead of a string each.
    /// </summary>
    internal static class PackedKey
    {
        private const int MaxLength = 8;
        private const int LengthShift = 56;

        // Seven bits per ASCII character, eight characters, and the length in bits 56-59: two
        // different keys never share a packed value, and bits 60-63 stay free for callers' tags.
        public static bool TryPack(string key, out ulong packed)
        {
            packed = 0;
            if (key.Length > MaxLength)
            {
                return false;
            }

            for (var i = 0; i < key.Length; i++)
            {
                var c = key[i];
                if (c > 0x7F)
                {
                    return false;
                }

                packed |= (ulong)c << (7 * i);
            }

            packed |= (ulong)key.Length << LengthShift;
            return true;
        }

        public static string Unpack(ulong packed)
        {
            var length = (int)((packed >> LengthShift) & 0xF);
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = (char)((packed >> (7 * i)) & 0x7F);
            }

            return new string(chars);
        }
    }
}
