using System;
using System.Collections.Generic;
using System.Linq;

namespace KooPhone.Emulator.State;

/// <summary>
/// The view of the instances an operation gets while it holds the <see cref="InstanceStore"/>
/// lock. Every record it hands out is settled to <see cref="NowMs"/> first. Operations check
/// all their records before changing any (<see cref="Screen"/>), which makes every batch
/// all-or-nothing unless --rejected-batches partly-applied asks otherwise. Must not
/// escape the callback it was passed to.
/// </summary>
public sealed class InstanceTransaction
{
    private readonly InstanceTable table;
    private readonly int visibilityLagMs;
    private readonly int deleteLagMs;
    private readonly bool partlyApplyRejected;

    // With a visibility lag: every record handed out, with its state before the operation.
    private readonly Dictionary<StoredInstance, VisibleState>? before;

    /// <summary>Creates the view; only <see cref="InstanceStore"/> does.</summary>
    internal InstanceTransaction(
        InstanceTable table, InstanceProfile profile, DateTimeOffset now, int visibilityLagMs, int deleteLagMs, bool partlyApplyRejected)
    {
        this.table = table;
        this.visibilityLagMs = visibilityLagMs;
        this.deleteLagMs = deleteLagMs;
        this.partlyApplyRejected = partlyApplyRejected;
        Profile = profile;
        Now = now;
        NowMs = now.ToUnixTimeMilliseconds();
        before = visibilityLagMs > 0 ? new Dictionary<StoredInstance, VisibleState>(ReferenceEqualityComparer.Instance) : null;
    }

    /// <summary>The moment the operation happens at; one clock reading for the whole batch.</summary>
    public DateTimeOffset Now { get; }

    /// <summary><see cref="Now"/> in Unix milliseconds.</summary>
    public long NowMs { get; }

    /// <summary>The seed-derived facts (users, app lists…).</summary>
    public InstanceProfile Profile { get; }

    /// <summary>The settled record of <paramref name="id"/>, or null when it does not exist.</summary>
    public StoredInstance? Find(string id)
    {
        if (!table.ById.TryGetValue(id, out StoredInstance? record))
        {
            return null;
        }

        InstanceSettler.Settle(record, NowMs, Profile, visibilityLagMs);
        before?.TryAdd(record, VisibleState.Of(record));
        return record;
    }

    /// <summary>The first <paramref name="count"/> live instances in listing order.</summary>
    public List<StoredInstance> FirstListed(int count) =>
        table.Records.Where(r => table.ById.ContainsKey(r.Id)).Take(count).ToList();

    /// <summary>What the read operations show of a record this transaction found (see --visibility-lag-ms).</summary>
    public VisibleState Visible(StoredInstance record) => InstanceVisibility.Visible(record, NowMs, visibilityLagMs);

    /// <summary>Whether <paramref name="id"/> was deleted but ListInstances still shows it (--delete-lag-ms).</summary>
    public bool IsStillListed(string id) => table.FindStillListed(id) is not null;

    /// <summary>
    /// Checks a batch the way every batch operation does. Unknown IDs refuse it first, then
    /// instances in more than one region (a check on the batch as a whole), then each of
    /// <paramref name="checks"/> in order: the first that any instance fails decides the refusal
    /// and names every instance that fails it. A refused batch changes nothing, except under
    /// --rejected-batches partly-applied: then the operation is still carried out on the healthy
    /// instances, those that exist and pass every check, as a service that checks and applies
    /// instance by instance would. A batch that spans regions is never carried out, not even in part.
    /// IDs must be distinct (the API layer ensures it).
    /// </summary>
    public BatchScreening Screen(IReadOnlyList<string> ids, params InstanceCheck[] checks)
    {
        var records = new StoredInstance?[ids.Count];
        List<string>? unknown = null;
        string? region = null;
        bool mixedRegions = false;
        for (int i = 0; i < ids.Count; i++)
        {
            StoredInstance? record = Find(ids[i]);
            if (record is null)
            {
                (unknown ??= new List<string>()).Add(ids[i]);
                continue;
            }

            records[i] = record;
            string recordRegion = record.Region(Profile).Id;
            mixedRegions |= region is not null && !string.Equals(region, recordRegion, StringComparison.Ordinal);
            region ??= recordRegion;
        }

        var offenders = new List<string>?[checks.Length];
        var healthy = new List<int>(ids.Count);
        for (int i = 0; i < records.Length; i++)
        {
            if (records[i] is not StoredInstance record)
            {
                continue;
            }

            bool passes = true;
            for (int c = 0; c < checks.Length; c++)
            {
                if (checks[c].Offends(record, i))
                {
                    (offenders[c] ??= new List<string>()).Add(record.Id);
                    passes = false;
                }
            }

            if (passes)
            {
                healthy.Add(i);
            }
        }

        Refusal? refusal = unknown is not null ? new Refusal(Rejection.UnknownInstances, unknown)
            : mixedRegions ? new Refusal(Rejection.MixedRegions, Array.Empty<string>())
            : FirstFailedCheck(checks, offenders);
        if (refusal is null)
        {
            return new BatchScreening(records, healthy, null);
        }

        if (!partlyApplyRejected || mixedRegions || healthy.Count == 0)
        {
            return new BatchScreening(records, Array.Empty<int>(), refusal);
        }

        var carriedOut = new string[healthy.Count];
        for (int i = 0; i < carriedOut.Length; i++)
        {
            carriedOut[i] = ids[healthy[i]];
        }

        return new BatchScreening(records, healthy, new Refusal(refusal.Reason, refusal.OffendingIds, carriedOut));
    }

    /// <summary>Adds a created instance at the end of the listing (see <see cref="InstanceTable.AddCreated"/>).</summary>
    public StoredInstance AddCreated(string namePrefix, string skuText, RegionInfo region, string os) =>
        table.AddCreated(namePrefix, skuText, region, os, NowMs / 1000);

    /// <summary>
    /// Deletes instances: from now on they are unknown to every operation. ListInstances drops
    /// them at once, or after --delete-lag-ms.
    /// </summary>
    public void Remove(IReadOnlyCollection<StoredInstance> records) =>
        table.Remove(records, deleteLagMs == 0 ? 0 : NowMs + deleteLagMs);

    /// <summary>Called by the store once the operation is done: remembers what it changed, for the visibility lag.</summary>
    internal void RememberChanges()
    {
        if (before is null)
        {
            return;
        }

        foreach ((StoredInstance record, VisibleState state) in before)
        {
            InstanceVisibility.RememberChange(record, NowMs, state);
        }
    }

    private static Refusal? FirstFailedCheck(InstanceCheck[] checks, List<string>?[] offenders)
    {
        for (int c = 0; c < checks.Length; c++)
        {
            if (offenders[c] is List<string> ids)
            {
                return new Refusal(checks[c].Reason, ids);
            }
        }

        return null;
    }
}
