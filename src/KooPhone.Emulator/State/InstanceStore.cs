using System;
using System.Collections.Generic;
using KooPhone.Emulator.Hosting;

namespace KooPhone.Emulator.State;

/// <summary>
/// The thread-safe set of instances. One lock guards everything: each operation touches at most
/// a few hundred records for microseconds, and a single lock makes the batch rules (check every
/// ID, then change all or nothing) trivially atomic. Snapshots are formatted outside the lock.
/// Time-based transitions are applied lazily whenever a record is read (<see cref="InstanceSettler"/>).
/// The queries live here; each area's changes live in its own operations class, which runs them
/// through <see cref="Update{T}"/>.
/// </summary>
public sealed class InstanceStore
{
    private readonly object gate = new();
    private readonly InstanceSeeder seeder;
    private readonly TimeProvider time;
    private readonly RunTimeOptions options;
    private InstanceTable table;

    /// <summary>Seeds the store; <paramref name="options"/> gives the lags and the time zone reads use.</summary>
    public InstanceStore(InstanceSeeder seeder, InstanceProfile profile, TimeProvider time, RunTimeOptions options)
    {
        this.seeder = seeder;
        this.time = time;
        this.options = options;
        Profile = profile;
        table = seeder.Seed();
    }

    /// <summary>The seed-derived facts used to format snapshots.</summary>
    public InstanceProfile Profile { get; }

    /// <summary>How many instances exist (deleted ones ListInstances still shows included).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                table.ForgetDeleted(NowMs());
                return table.Records.Count;
            }
        }
    }

    /// <summary>Replaces every instance with a freshly seeded set (created, deleted and in-flight state vanish).</summary>
    public void Reset()
    {
        // Seed outside the lock (it can take a second for a million instances), then swap.
        InstanceTable fresh = seeder.Seed();
        lock (gate)
        {
            table = fresh;
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> under the lock with one clock reading. The callback must
    /// check everything before it changes anything, and must not format snapshots (keep it short).
    /// </summary>
    public T Update<T>(Func<InstanceTransaction, T> change)
    {
        DateTimeOffset now = time.GetUtcNow();
        RunTimeSettings settings = options.Current;
        lock (gate)
        {
            table.ForgetDeleted(now.ToUnixTimeMilliseconds());
            var tx = new InstanceTransaction(
                table, Profile, now, settings.VisibilityLagMs, settings.DeleteLagMs, settings.PartlyApplyRejectedBatches);
            T result = change(tx);
            tx.RememberChanges();
            return result;
        }
    }

    /// <summary>ListInstances: page <paramref name="pageNo"/> (1-based) of the instances matching the exact filters and <paramref name="filter"/>, in its order.</summary>
    public InstancePage QueryPage(string? idFilter, string? nameFilter, InstanceListFilter filter, int pageNo, int pageSize)
    {
        long now = NowMs();
        RunTimeSettings settings = options.Current;
        var captured = new List<(int Index, string Id, InstanceState State)>();
        int total;
        lock (gate)
        {
            InstanceTable current = table;
            current.ForgetDeleted(now);
            // IDs and names are both unique, so the exact filters leave at most one instance; the
            // other filters scan the listing, which only filtered reads pay for.
            List<StoredInstance> matches;
            if (idFilter is not null || nameFilter is not null)
            {
                StoredInstance? match = FindExact(current, idFilter, nameFilter);
                matches = match is not null && filter.Matches(match) ? new List<StoredInstance> { match } : new List<StoredInstance>();
            }
            else
            {
                matches = filter.IsNone ? current.Records : current.Records.FindAll(filter.Matches);
            }

            if (!filter.IsNone)
            {
                filter.Sort(matches);
            }

            total = matches.Count;
            long start = (long)(pageNo - 1) * pageSize;
            long end = Math.Min(total, start + pageSize);
            for (long i = start; i < end; i++)
            {
                StoredInstance record = matches[(int)i];
                captured.Add((record.Index, record.Id, ReadVisible(record, now, settings.VisibilityLagMs)));
            }
        }

        var items = new InstanceSnapshot[captured.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = new InstanceSnapshot(captured[i].Index, captured[i].Id, captured[i].State, Profile, settings.UtcOffset);
        }

        return new InstancePage(total, items);
    }

    /// <summary>Admin: the current state of one instance with everything stored about it, or null when it does not exist.</summary>
    public InstanceDetails? FindDetails(string id)
    {
        long now = NowMs();
        InstanceState state;
        int index;
        InstanceExtrasView extras;
        lock (gate)
        {
            if (!table.ById.TryGetValue(id, out StoredInstance? record))
            {
                return null;
            }

            InstanceSettler.Settle(record, now, Profile, options.Current.VisibilityLagMs);
            state = record.Capture();
            index = record.Index;
            extras = InstanceExtrasView.Capture(record, Profile);
        }

        return new InstanceDetails(index, id, state, Profile, extras);
    }

    /// <summary>
    /// BatchShowInstance: the running_status of each ID, or a refusal naming the unknown IDs, or
    /// one for instances in more than one region, like every batch operation's.
    /// </summary>
    public BatchResult<int[]> QueryStatuses(IReadOnlyList<string> ids)
    {
        DateTimeOffset now = time.GetUtcNow();
        long nowMs = now.ToUnixTimeMilliseconds();
        int lagMs = options.Current.VisibilityLagMs;
        var statuses = new int[ids.Count];
        List<string>? unknown = null;
        string? region = null;
        bool mixedRegions = false;
        lock (gate)
        {
            for (int i = 0; i < ids.Count; i++)
            {
                if (table.ById.TryGetValue(ids[i], out StoredInstance? record))
                {
                    statuses[i] = ReadVisible(record, nowMs, lagMs).RunningStatus;
                    string recordRegion = record.Region(Profile).Id;
                    mixedRegions |= region is not null && !string.Equals(region, recordRegion, StringComparison.Ordinal);
                    region ??= recordRegion;
                }
                else
                {
                    (unknown ??= new List<string>()).Add(ids[i]);
                }
            }
        }

        return unknown is not null ? BatchResult<int[]>.Refused(new Refusal(Rejection.UnknownInstances, unknown))
            : mixedRegions ? BatchResult<int[]>.Refused(new Refusal(Rejection.MixedRegions, Array.Empty<string>()))
            : BatchResult<int[]>.Accepted(statuses, now);
    }

    /// <summary>
    /// Admin: sets fields directly and returns the new state, or null when the ID is unknown.
    /// A patch also cancels every transition of the instance in flight (backup, reboot or reset,
    /// restore, unassignment), so the state a test sets is the state it keeps; the tasks' jobs
    /// still report success at their scheduled time. Pending app installs are left alone.
    /// </summary>
    public InstanceDetails? ApplyPatch(string id, InstanceStatePatch patch)
    {
        long now = NowMs();
        InstanceState state;
        int index;
        InstanceExtrasView extras;
        lock (gate)
        {
            if (!table.ById.TryGetValue(id, out StoredInstance? record))
            {
                return null;
            }

            InstanceSettler.Settle(record, now, Profile, options.Current.VisibilityLagMs);
            InstanceSettler.CancelTransitions(record);
            InstanceVisibility.Forget(record);
            record.RunningStatus = patch.RunningStatus ?? record.RunningStatus;
            record.FrozenStatus = patch.FrozenStatus ?? record.FrozenStatus;
            record.LoginStatus = patch.LoginStatus ?? record.LoginStatus;
            record.AssignStatus = patch.AssignStatus ?? record.AssignStatus;
            record.AssignUserOverride = patch.AssignUser ?? record.AssignUserOverride;
            record.BackupStatus = patch.BackupStatus ?? record.BackupStatus;
            record.BackupTime = patch.BackupTime ?? record.BackupTime;
            record.RestoreStatus = patch.RestoreStatus ?? record.RestoreStatus;
            record.RestoreTime = patch.RestoreTime ?? record.RestoreTime;
            state = record.Capture();
            index = record.Index;
            extras = InstanceExtrasView.Capture(record, Profile);
        }

        return new InstanceDetails(index, id, state, Profile, extras);
    }

    // Settles the record, then answers what the read operations may show of it.
    private InstanceState ReadVisible(StoredInstance record, long nowMs, int visibilityLagMs)
    {
        InstanceSettler.Settle(record, nowMs, Profile, visibilityLagMs);
        return InstanceVisibility.Visible(record, nowMs, visibilityLagMs).State;
    }

    private static StoredInstance? FindExact(InstanceTable current, string? idFilter, string? nameFilter)
    {
        StoredInstance? match = null;
        if (idFilter is not null && (match = current.ById.GetValueOrDefault(idFilter) ?? current.FindStillListed(idFilter)) is null)
        {
            return null;
        }

        if (nameFilter is not null)
        {
            StoredInstance? byName = current.FindByName(nameFilter);
            if (byName is null || (match is not null && !ReferenceEquals(match, byName)))
            {
                return null;
            }

            match = byName;
        }

        return match;
    }

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
