using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>One page of ListInstances: the matching total and the page's instances.</summary>
public sealed class InstancePage
{
    public InstancePage(int totalCount, IReadOnlyList<InstanceSnapshot> items)
    {
        TotalCount = totalCount;
        Items = items;
    }

    /// <summary>How many instances match the filters, over all pages.</summary>
    public int TotalCount { get; }

    /// <summary>The page's instances, in seed order; empty past the last page.</summary>
    public IReadOnlyList<InstanceSnapshot> Items { get; }
}
