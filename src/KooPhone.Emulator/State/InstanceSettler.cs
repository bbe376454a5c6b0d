using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// Applies every time-based transition that has come due, whenever a record is read: there are
/// no timers, so an instance is exactly as up to date as the moment it is looked at. Callers
/// hold the <see cref="InstanceStore"/> lock.
/// </summary>
public static class InstanceSettler
{
    /// <summary>
    /// Brings <paramref name="record"/> up to <paramref name="nowMs"/> (Unix milliseconds). With a
    /// <paramref name="visibilityLagMs"/>, the transitions applied are remembered as a change at
    /// the moment the earliest of them came due, so reads show them only once the lag has passed.
    /// </summary>
    public static void Settle(StoredInstance record, long nowMs, InstanceProfile profile, int visibilityLagMs)
    {
        if (visibilityLagMs > 0 && EarliestDue(record, nowMs) is long dueAtMs)
        {
            VisibleState before = VisibleState.Of(record);
            Apply(record, nowMs, profile);
            InstanceVisibility.RememberChange(record, dueAtMs, before);
            return;
        }

        Apply(record, nowMs, profile);
    }

    private static void Apply(StoredInstance record, long nowMs, InstanceProfile profile)
    {
        // A finished backup: the data is in OBS and the machine released.
        if (record.BackupCompletesAtMs != 0 && nowMs >= record.BackupCompletesAtMs)
        {
            record.BackupStatus = StatusValues.Succeeded;
            record.RunningStatus = StatusValues.Stopped;
            record.BackupTime = record.BackupCompletesAtMs / 1000;
            record.BackupCompletesAtMs = 0;
        }

        // The common case (an instance no newer operation touched) ends here.
        if (record.Extras is not InstanceExtras extras)
        {
            return;
        }

        if (extras.StartingCompletesAtMs != 0 && nowMs >= extras.StartingCompletesAtMs)
        {
            extras.StartingCompletesAtMs = 0;
            if (extras.RestoreCompletesAtMs == 0)
            {
                record.RunningStatus = StatusValues.Running;
            }
        }

        // A finished restore: the data is back on a machine, which is running.
        if (extras.RestoreCompletesAtMs != 0 && nowMs >= extras.RestoreCompletesAtMs)
        {
            record.RestoreStatus = StatusValues.Succeeded;
            record.RestoreTime = extras.RestoreCompletesAtMs / 1000;
            extras.RestoreCompletesAtMs = 0;
            if (extras.StartingCompletesAtMs == 0)
            {
                record.RunningStatus = StatusValues.Running;
            }
        }

        // A finished unassignment: the binding is gone, and with it the user's login.
        if (extras.UnassignCompletesAtMs != 0 && nowMs >= extras.UnassignCompletesAtMs)
        {
            record.AssignStatus = 0;
            record.AssignUserOverride = string.Empty;
            record.LoginStatus = 0;
            extras.UnassignCompletesAtMs = 0;
        }

        if (extras.PendingInstalls is List<PendingInstall> pending)
        {
            SettleInstalls(record, extras, pending, nowMs, profile);
        }
    }

    /// <summary>Cancels every transition in flight (admin patches: the instance keeps what the test set).</summary>
    public static void CancelTransitions(StoredInstance record)
    {
        record.BackupCompletesAtMs = 0;
        if (record.Extras is InstanceExtras extras)
        {
            extras.StartingCompletesAtMs = 0;
            extras.RestoreCompletesAtMs = 0;
            extras.UnassignCompletesAtMs = 0;
        }
    }

    // The completion time of the earliest transition that has come due, or null when none has.
    private static long? EarliestDue(StoredInstance record, long nowMs)
    {
        long? earliest = null;
        void Consider(long atMs)
        {
            if (atMs != 0 && atMs <= nowMs && (earliest is null || atMs < earliest))
            {
                earliest = atMs;
            }
        }

        Consider(record.BackupCompletesAtMs);
        if (record.Extras is InstanceExtras extras)
        {
            Consider(extras.StartingCompletesAtMs);
            Consider(extras.RestoreCompletesAtMs);
            Consider(extras.UnassignCompletesAtMs);
            if (extras.PendingInstalls is { Count: > 0 } pending)
            {
                Consider(pending[0].CompletesAtMs);
            }
        }

        return earliest;
    }

    // Installs finish in the order they started (all take the same job delay).
    private static void SettleInstalls(
        StoredInstance record, InstanceExtras extras, List<PendingInstall> pending, long nowMs, InstanceProfile profile)
    {
        int due = 0;
        while (due < pending.Count && nowMs >= pending[due].CompletesAtMs)
        {
            due++;
        }

        if (due == 0)
        {
            return;
        }

        // A new list rather than a change in place: a remembered earlier state may hold the old one.
        var apps = new List<AppEntry>(extras.Apps ?? profile.SeededApps(record.Index, record.Os));
        extras.Apps = apps;
        for (int i = 0; i < due; i++)
        {
            Install(apps, pending[i].App);
        }

        pending.RemoveRange(0, due);
        if (pending.Count == 0)
        {
            extras.PendingInstalls = null;
        }
    }

    // A newer version of an installed package replaces it in place; a new package is appended.
    private static void Install(List<AppEntry> apps, AppEntry app)
    {
        int existing = apps.FindIndex(a => string.Equals(a.Package, app.Package, System.StringComparison.Ordinal));
        if (existing >= 0)
        {
            apps[existing] = app;
        }
        else
        {
            apps.Add(app);
        }
    }
}
