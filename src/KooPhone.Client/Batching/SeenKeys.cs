using System;
using System.Collections.Generic;

namespace KooPhone.Client.Batching
{
    /// <summary>
    /// Remembers which keys (instance ids) were already given, exactly, in little memory: a million
    /// ids must stream through a batch cmdlet without a million strings kept alive. Short ASCII
    /// keys are packed into one 64-bit number (PackedKey); anything else is kept as a string.
    /// </summary>
    internal sealed class SeenKeys
    {
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

            return PackedKey.TryPack(key, out var packed) ? _packed.Add(packed) : _other.Add(key);
        }

        /// <summary>True when the key was added before.</summary>
        public bool Contains(string key) =>
            PackedKey.TryPack(key, out var packed) ? _packed.Contains(packed) : _other.Contains(key);
    }
}
