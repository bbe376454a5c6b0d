using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// The view of the instances an operation gets while it holds the <see cref="InstanceStore"/>
/// lock. Every record it hands out is settled to <see cref="NowMs"/> first. Operations check
/// all their records before changing any, which makes every batch all-or-nothing. Must not
/// escape the callback it was passed to.
/// </summary>
public sealed class InstanceTransaction
{
    private readonly InstanceTable table;
    private readonly int visibilityLagMs;
    private readonly int deleteLagMs;

    // With a visibility lag: every record handed out, with its state before the operation.
    private readonly Dictionary<InstanceRecord, VisibleState>? before;

    /// <summary>Creates the view; only <see cref="InstanceStore"/> does.</summary>
    internal InstanceTransaction(InstanceTable table, InstanceProfile profile, DateTimeOffset now, int visibilityLagMs, int deleteLagMs)
    {
        this.table = table;
        this.visibilityLagMs = visibilityLagMs;
        this.deleteLagMs = deleteLagMs;
        Profile = profile;
        Now = now;
        NowMs = now.ToUnixTimeMilliseconds();
        before = visibilityLagMs > 0 ? new Dictionary<InstanceRecord, VisibleState>(ReferenceEqualityComparer.Instance) : null;
    }

    /// <summary>The moment the operation happens at; one clock reading for the whole batch.</summary>
    public DateTimeOffset Now { get; }

    /// <summary><see cref="Now"/> in Unix milliseconds.</summary>
    public long NowMs { get; }

    /// <summary>The seed-derived facts (users, app lists…).</summary>
    public InstanceProfile Profile { get; }

    /// <summary>The settled record of <paramref name="id"/>, or null when it does not exist.</summary>
    public InstanceRecord? Find(string id)
    {
        if (!table.ById.TryGetValue(id, out InstanceRecord? record))
        {
            return null;
        }

        InstanceSettler.Settle(record, NowMs, Profile, visibilityLagMs);
        before?.TryAdd(record, VisibleState.Of(record));
        return record;
    }

    /// <summary>What the read operations show of a record this transaction found (see --visibility-lag-ms).</summary>
    public VisibleState Visible(InstanceRecord record) => InstanceVisibility.Visible(record, NowMs, visibilityLagMs);

    /// <summary>Whether <paramref name="id"/> was deleted but ListInstances still shows it (--delete-lag-ms).</summary>
    public bool IsStillListed(string id) => table.FindStillListed(id) is not null;

    /// <summary>
    /// The settled records of <paramref name="ids"/> in request order, or null with a refusal
    /// naming every unknown ID.
    /// </summary>
    public InstanceRecord[]? Resolve(IReadOnlyList<string> ids, out Refusal? refusal)
    {
        var records = new InstanceRecord[ids.Count];
        List<string>? unknown = null;
        for (int i = 0; i < ids.Count; i++)
        {
            InstanceRecord? record = Find(ids[i]);
            if (record is null)
            {
                (unknown ??= new List<string>()).Add(ids[i]);
            }
            else
            {
                records[i] = record;
            }
        }

        refusal = unknown is null ? null : new Refusal(Rejection.UnknownInstances, unknown);
        return refusal is null ? records : null;
    }

    /// <summary>A refusal for <paramref name="reason"/> naming every record that matches, or null when none does.</summary>
    public static Refusal? RefuseAny(IReadOnlyList<InstanceRecord> records, Rejection reason, Func<InstanceRecord, bool> offends)
    {
        List<string>? offending = null;
        foreach (InstanceRecord record in records)
        {
            if (offends(record))
            {
                (offending ??= new List<string>()).Add(record.Id);
            }
        }

        return offending is null ? null : new Refusal(reason, offending);
    }

    /// <summary>Adds a created instance at the end of the listing (see <see cref="InstanceTable.AddCreated"/>).</summary>
    public InstanceRecord AddCreated(string namePrefix, string skuText, RegionInfo region, string os) =>
        table.AddCreated(namePrefix, skuText, region, os);

    /// <summary>
    /// Deletes instances: from now on they are unknown to every operation. ListInstances drops
    /// them at once, or after --delete-lag-ms.
    /// </summary>
    public void Remove(IReadOnlyCollection<InstanceRecord> records) =>
        table.Remove(records, deleteLagMs == 0 ? 0 : NowMs + deleteLagMs);

    /// <summary>Called by the store once the operation is done: remembers what it changed, for the visibility lag.</summary>
    internal void RememberChanges()
    {
        if (before is null)
        {
            return;
        }

        foreach ((InstanceRecord record, VisibleState state) in before)
        {
            InstanceVisibility.RememberChange(record, NowMs, state);
        }
    }
}
