namespace KooPhone.Client.Batching
{
    /// <summary>
    /// A set of 64-bit numbers in one flat array (open addressing, linear probing): 8 bytes a slot
    /// at most three-quarters full, where HashSet&lt;ulong&gt; spends about 20 bytes an entry plus a
    /// second array. It is what keeps a million seen ids small.
    /// </summary>
    internal sealed class UInt64Set
    {
        private ulong[] _slots = new ulong[1024];
        private int _used;
        private bool _hasZero;

        public int Count => _used + (_hasZero ? 1 : 0);

        /// <summary>Adds the value; false when it was there already.</summary>
        public bool Add(ulong value)
        {
            // 0 marks an empty slot, so the value 0 is remembered on the side.
            if (value == 0)
            {
                if (_hasZero)
                {
                    return false;
                }

                _hasZero = true;
                return true;
            }

            if ((_used + 1) * 4L > _slots.Length * 3L)
            {
                Grow();
            }

            if (!Insert(_slots, value))
            {
                return false;
            }

            _used++;
            return true;
        }

        private static bool Insert(ulong[] slots, ulong value)
        {
            var mask = slots.Length - 1;
            var i = (int)(Mix(value) & (ulong)mask);
            while (true)
            {
                var slot = slots[i];
                if (slot == 0)
                {
                    slots[i] = value;
                    return true;
                }

                if (slot == value)
                {
                    return false;
                }

                i = (i + 1) & mask;
            }
        }

        private void Grow()
        {
            var bigger = new ulong[_slots.Length * 2];
            foreach (var value in _slots)
            {
                if (value != 0)
                {
                    Insert(bigger, value);
                }
            }

            _slots = bigger;
        }

        // Packed ids differ mostly in their low bits; mixing spreads them over the whole table.
        private static ulong Mix(ulong x)
        {
            x ^= x >> 33;
            x *= 0xff51afd7ed558ccdUL;
            x ^= x >> 33;
            x *= 0xc4ceb9fe1a85ec53UL;
            x ^= x >> 33;
            return x;
        }
    }
}
