using System;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// How far the total count moved over one pass of a listing, and how many instances the pass
    /// may therefore have missed: every instance deleted or created between two pages can shift
    /// one other past the reader, and a pass that read fewer than its last total missed the rest.
    /// </summary>
    internal sealed class TotalDrift
    {
        private int? _last;
        private int _moved;
        private int _read;

        public void Add(InstancePage page)
        {
            _read += page.Instances.Count;
            if (!page.TotalCount.HasValue)
            {
                return;
            }

            if (_last.HasValue)
            {
                _moved += Math.Abs(page.TotalCount.Value - _last.Value);
            }

            _last = page.TotalCount.Value;
        }

        public int MayBeMissing => Math.Max(_moved, _last.HasValue ? _last.Value - _read : 0);
    }
}
