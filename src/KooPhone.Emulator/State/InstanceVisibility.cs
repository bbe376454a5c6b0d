namespace KooPhone.Emulator.State;

/// <summary>
/// Keeps and answers an instance's <see cref="VisibilityHistory"/>, so that with
/// --visibility-lag-ms the read operations serve the previous state until a change's lag has
/// passed. Callers hold the store's lock. Without a lag nothing is kept.
/// </summary>
public static class InstanceVisibility
{
    /// <summary>Records that <paramref name="record"/> changed at <paramref name="atMs"/> from <paramref name="before"/>, if it did.</summary>
    public static void RememberChange(StoredInstance record, long atMs, VisibleState before)
    {
        if (VisibleState.Of(record) != before)
        {
            (record.Extend().Visibility ??= new VisibilityHistory()).Add(atMs, before);
        }
    }

    /// <summary>What reads at <paramref name="nowMs"/> see of the settled <paramref name="record"/>.</summary>
    public static VisibleState Visible(StoredInstance record, long nowMs, int lagMs)
    {
        if (record.Extras?.Visibility is VisibilityHistory history)
        {
            if (history.VisibleAt(nowMs, lagMs) is VisibleState earlier)
            {
                return earlier;
            }

            record.Extras.Visibility = null;
        }

        return VisibleState.Of(record);
    }

    /// <summary>Makes every change visible at once (admin patches: reads show what the test set).</summary>
    public static void Forget(StoredInstance record)
    {
        if (record.Extras is InstanceExtras extras)
        {
            extras.Visibility = null;
        }
    }
}
