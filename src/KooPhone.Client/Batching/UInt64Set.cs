namespace KooPhone.Client.Batching
{
    /// <summary>
    /// A set of 64-bit numbers in flat arrays (open addressing, linear probing): 8 bytes a slot at
    /// most three-quarters full, where HashSet&lt;ulong&gt; spends about 20 bytes an entry plus a
    /// second array. It is split into shards that grow one at a time, so growing never needs the
    /// whole table twice over, and the arrays it drops are small.
    /// </summary>
    internal sealed class UInt64Set
    {
        private const int ShardBits = 6;
        private readonly ulong[][] _shards = new ulong[1 << ShardBits][];
        private readonly int[] _used = new int[1 << ShardBits];
        private bool _hasZero;
        private int _count;

        public UInt64Set()
        {
            for (var i = 0; i < _shards.Length; i++)
            {
                _shards[i] = new ulong[64];
            }
        }

        public int Count => _count + (_hasZero ? 1 : 0);

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

            var mixed = Mix(value);
            var shard = (int)(mixed >> (64 - ShardBits));
            if ((_used[shard] + 1) * 4L > _shards[shard].Length * 3L)
            {
                _shards[shard] = Grow(_shards[shard]);
            }

            if (!Insert(_shards[shard], value, mixed))
            {
                return false;
            }

            _used[shard]++;
            _count++;
            return true;
        }

        /// <summary>True when the value was added before.</summary>
        public bool Contains(ulong value)
        {
            if (value == 0)
            {
                return _hasZero;
            }

            var mixed = Mix(value);
            var slots = _shards[(int)(mixed >> (64 - ShardBits))];
            var mask = slots.Length - 1;
            var i = (int)(mixed & (ulong)mask);
            while (slots[i] != 0)
            {
                if (slots[i] == value)
                {
                    return true;
                }

                i = (i + 1) & mask;
            }

            return false;
        }

        private static bool Insert(ulong[] slots, ulong value, ulong mixed)
        {
            var mask = slots.Length - 1;
            var i = (int)(mixed & (ulong)mask);
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

        private static ulong[] Grow(ulong[] slots)
        {
            var bigger = new ulong[slots.Length * 2];
            foreach (var value in slots)
            {
                if (value != 0)
                {
                    Insert(bigger, value, Mix(value));
                }
            }

            return bigger;
        }

        // Packed ids differ mostly in their low bits; mixing spreads them over shards and slots.
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
