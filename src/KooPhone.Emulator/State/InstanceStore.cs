using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// The thread-safe set of instances. One lock guards everything: each operation touches at most
/// a few hundred records for microseconds, and a single lock makes the batch rules (check every
/// ID, then change all or nothing) trivially atomic. Snapshots are formatted outside the lock.
/// Time-based transitions (a backup finishing) are applied lazily whenever a record is read.
/// </summary>
public sealed class InstanceStore
{
    private readonly object gate = new();
    private readonly InstanceSeeder seeder;
    private readonly TimeProvider time;
    private InstanceTable table;

    /// <summary>Seeds the store.</summary>
    public InstanceStore(InstanceSeeder seeder, InstanceProfile profile, TimeProvider time)
    {
        this.seeder = seeder;
        this.time = time;
        Profile = profile;
        table = seeder.Seed();
    }

    /// <summary>The seed-derived facts used to format snapshots.</summary>
    public InstanceProfile Profile { get; }

    /// <summary>How many instances exist.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return table.Records.Length;
            }
        }
    }

    /// <summary>Replaces every instance with a freshly seeded set (in-flight backups vanish).</summary>
    public void Reset()
    {
        // Seed outside the lock (it can take a second for a million instances), then swap.
        InstanceTable fresh = seeder.Seed();
        lock (gate)
        {
            table = fresh;
        }
    }

    /// <summary>ListInstances: page <paramref name="pageNo"/> (1-based) of the instances matching the exact filters.</summary>
    public InstancePage QueryPage(string? idFilter, string? nameFilter, int pageNo, int pageSize)
    {
        long now = NowMs();
        var captured = new List<(int Index, string Id, InstanceState State)>();
        int total;
        lock (gate)
        {
            InstanceTable current = table;
            if (idFilter is null && nameFilter is null)
            {
                total = current.Records.Length;
                long start = (long)(pageNo - 1) * pageSize;
                long end = Math.Min(total, start + pageSize);
                for (long i = start; i < end; i++)
                {
                    InstanceRecord record = current.Records[i];
                    Settle(record, now);
                    captured.Add((record.Index, record.Id, record.Capture()));
                }
            }
            else
            {
                // IDs and names are both unique, so at most one instance can match.
                InstanceRecord? match = FindExact(current, idFilter, nameFilter);
                total = match is null ? 0 : 1;
                if (match is not null && pageNo == 1)
                {
                    Settle(match, now);
                    captured.Add((match.Index, match.Id, match.Capture()));
                }
            }
        }

        var items = new InstanceSnapshot[captured.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = new InstanceSnapshot(captured[i].Index, captured[i].Id, captured[i].State, Profile);
        }

        return new InstancePage(total, items);
    }

    /// <summary>The current state of one instance, or null when it does not exist.</summary>
    public InstanceSnapshot? Find(string id)
    {
        long now = NowMs();
        InstanceState state;
        int index;
        lock (gate)
        {
            if (!table.ById.TryGetValue(id, out InstanceRecord? record))
            {
                return null;
            }

            Settle(record, now);
            state = record.Capture();
            index = record.Index;
        }

        return new InstanceSnapshot(index, id, state, Profile);
    }

    /// <summary>BatchShowInstance: the running_status of each ID, or the unknown IDs.</summary>
    public StatusQueryResult QueryStatuses(IReadOnlyList<string> ids)
    {
        long now = NowMs();
        var statuses = new int[ids.Count];
        List<string>? unknown = null;
        lock (gate)
        {
            for (int i = 0; i < ids.Count; i++)
            {
                if (table.ById.TryGetValue(ids[i], out InstanceRecord? record))
                {
                    Settle(record, now);
                    statuses[i] = record.RunningStatus;
                }
                else
                {
                    (unknown ??= new List<string>()).Add(ids[i]);
                }
            }
        }

        return unknown is null
            ? new StatusQueryResult(Array.Empty<string>(), statuses)
            : new StatusQueryResult(unknown, Array.Empty<int>());
    }

    /// <summary>
    /// BatchBackupInstances: checks every ID (unknown, then already backing up, then not running)
    /// and either rejects the whole batch unchanged or starts a backup of all of them that
    /// finishes after <paramref name="duration"/>. IDs must be distinct (the API layer ensures it).
    /// </summary>
    public BackupStartResult TryStartBackup(IReadOnlyList<string> ids, TimeSpan duration)
    {
        DateTimeOffset startedAt = time.GetUtcNow();
        long now = startedAt.ToUnixTimeMilliseconds();
        DateTimeOffset completesAt = startedAt + duration;
        var records = new InstanceRecord[ids.Count];
        lock (gate)
        {
            List<string>? unknown = null;
            for (int i = 0; i < ids.Count; i++)
            {
                if (table.ById.TryGetValue(ids[i], out InstanceRecord? record))
                {
                    Settle(record, now);
                    records[i] = record;
                }
                else
                {
                    (unknown ??= new List<string>()).Add(ids[i]);
                }
            }

            if (unknown is not null)
            {
                return BackupStartResult.Rejected(BackupRejection.UnknownInstances, unknown);
            }

            List<string> busy = Collect(records, r => r.BackupStatus == StatusValues.Executing);
            if (busy.Count > 0)
            {
                return BackupStartResult.Rejected(BackupRejection.AlreadyBackingUp, busy);
            }

            List<string> notRunning = Collect(records, r => r.RunningStatus != StatusValues.Running);
            if (notRunning.Count > 0)
            {
                return BackupStartResult.Rejected(BackupRejection.NotRunning, notRunning);
            }

            foreach (InstanceRecord record in records)
            {
                record.BackupStatus = StatusValues.Executing;
                record.RunningStatus = StatusValues.GoingOffline;
                record.BackupTime = now / 1000;
                record.BackupCompletesAtMs = completesAt.ToUnixTimeMilliseconds();
            }
        }

        return BackupStartResult.Started(completesAt);
    }

    /// <summary>
    /// Admin: sets fields directly and returns the new state, or null when the ID is unknown.
    /// A patch also cancels an in-flight backup of the instance, so the state a test sets is the
    /// state it keeps (the backup task's job still reports success at its scheduled time).
    /// </summary>
    public InstanceSnapshot? ApplyPatch(string id, InstanceStatePatch patch)
    {
        long now = NowMs();
        InstanceState state;
        int index;
        lock (gate)
        {
            if (!table.ById.TryGetValue(id, out InstanceRecord? record))
            {
                return null;
            }

            Settle(record, now);
            record.BackupCompletesAtMs = 0;
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
        }

        return new InstanceSnapshot(index, id, state, Profile);
    }

    // Applies a backup that has finished by now: the data is in OBS and the machine released.
    private static void Settle(InstanceRecord record, long nowMs)
    {
        if (record.BackupCompletesAtMs != 0 && nowMs >= record.BackupCompletesAtMs)
        {
            record.BackupStatus = StatusValues.Succeeded;
            record.RunningStatus = StatusValues.Stopped;
            record.BackupTime = record.BackupCompletesAtMs / 1000;
            record.BackupCompletesAtMs = 0;
        }
    }

    private static InstanceRecord? FindExact(InstanceTable current, string? idFilter, string? nameFilter)
    {
        InstanceRecord? match = null;
        if (idFilter is not null && !current.ById.TryGetValue(idFilter, out match))
        {
            return null;
        }

        if (nameFilter is not null)
        {
            if (!InstanceProfile.TryParseName(nameFilter, current.Records.Length, out int index))
            {
                return null;
            }

            InstanceRecord byName = current.Records[index];
            if (match is not null && !ReferenceEquals(match, byName))
            {
                return null;
            }

            match = byName;
        }

        return match;
    }

    private static List<string> Collect(InstanceRecord[] records, Func<InstanceRecord, bool> predicate)
    {
        var ids = new List<string>();
        foreach (InstanceRecord record in records)
        {
            if (predicate(record))
            {
                ids.Add(record.Id);
            }
        }

        return ids;
    }

    private long NowMs() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
