using System.Collections;
using System.Collections.Generic;

namespace KooPhone.Client.Batching
{
    /// <summary>
    /// A list of keys (instance ids) in the order added, 8 bytes per short ASCII key: for a cmdlet
    /// that must hold all its ids before it acts (Remove-KooPhoneInstance) without holding a
    /// million strings.
    /// </summary>
    internal sealed class CompactKeyList : IEnumerable<string>, KooPhone.Client.Runs.IItemHold<string>
    {
        // A packed key never sets bit 63 (PackedKey), so that bit marks an index into _other.
        private const ulong OtherTag = 1UL << 63;
        private readonly List<ulong> _keys = new List<ulong>();
        private readonly List<string> _other = new List<string>();

        public int Count => _keys.Count;

        public void Add(string key)
        {
            if (PackedKey.TryPack(key, out var packed))
            {
                _keys.Add(packed);
                return;
            }

            _keys.Add(OtherTag | (uint)_other.Count);
            _other.Add(key);
        }

        public IEnumerator<string> GetEnumerator()
        {
            foreach (var key in _keys)
            {
                yield return (key & OtherTag) != 0 ? _other[(int)(key & ~OtherTag)] : PackedKey.Unpack(key);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
