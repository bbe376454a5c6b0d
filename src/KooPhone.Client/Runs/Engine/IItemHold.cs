using System.Collections.Generic;

namespace KooPhone.Client.Runs
{
    /// <summary>Items a run keeps until its input has ended, in the order given (CompactKeyList keeps ids in 8 bytes each).</summary>
    internal interface IItemHold<TItem> : IEnumerable<TItem>
    {
        void Add(TItem item);
    }
}
