using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// The changes of one instance that reads may not show yet (--visibility-lag-ms): each with the
/// moment it happened and the state just before it, oldest first. A change becomes visible
/// once the lag has passed since it happened. Only touched under the store's lock.
/// </summary>
public sealed class VisibilityHistory
{
    private readonly List<(long AtMs, VisibleState Before)> changes = new();

    /// <summary>Remembers that the state <paramref name="before"/> changed at <paramref name="atMs"/>.</summary>
    public void Add(long atMs, VisibleState before) => changes.Add((atMs, before));

    /// <summary>
    /// What reads at <paramref name="nowMs"/> see under <paramref name="lagMs"/>: the state before
    /// the oldest change that is not visible yet, or null when all are. Visible changes are forgotten.
    /// </summary>
    public VisibleState? VisibleAt(long nowMs, long lagMs)
    {
        int visible = 0;
        while (visible < changes.Count && changes[visible].AtMs + lagMs <= nowMs)
        {
            visible++;
        }

        changes.RemoveRange(0, visible);
        return changes.Count == 0 ? null : changes[0].Before;
    }
}
