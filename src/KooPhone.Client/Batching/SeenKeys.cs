using System;
using System.Collections.Generic;

namespace KooPhone.Client.Batching
{
    /// <summary>
    /// Remembers which keys (instance ids) were already given, exactly, in little memory: a million
    /// ids must stream through a batch cmdlet without a million strings kept alive. Keys of at
    /// most eight ASCII characters — KooPhone's ids look like a44uhlf7 — are packed losslessly
    /// into one 64-bit number; anything else is kept as a string.
    /// </summary>
    public sealed class SeenKeys
    {
        private const int MaxPackedLength = 8;
        private readonly UInt64Set _packed = new UInt64Set();
        private readonly HashSet<string> _other = new HashSet<string>(StringComparer.Ordinal);

        public int Count => _packed.Count + _other.Count;

        /// <summary>Adds the key; false when it was seen before.</summary>
        public bool Add(string key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            return TryPack(key, out var packed) ? _packed.Add(packed) : _other.Add(key);
        }

        // Seven bits per ASCII character, eight characters, and the length in the top bits: two
        // different keys never share a packed value, so nothing is dropped by a collision.
        private static bool TryPack(string key, out ulong packed)
        {
            packed = 0;
            if (key.Length > MaxPackedLength)
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

            packed |= (ulong)key.Length << 56;
            return true;
        }
    }
}
