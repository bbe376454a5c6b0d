using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>ProvisionInstance (docs/api-reference.md §5.16) and CancelInstance (§5.8): binding instances to end users.</summary>
public sealed class AssignmentOperations
{
    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public AssignmentOperations(InstanceStore store) => this.store = store;

    /// <summary>
    /// Binds each instance to its user at once (assign_status 1). Refused when an instance is
    /// bound to a different user or its unbinding is still running (KPAPI.2209). Binding an
    /// instance to the user it already has changes nothing.
    /// </summary>
    public BatchResult TryAssign(IReadOnlyList<UserInstancePair> pairs) => store.Update(tx =>
    {
        BatchScreening screening = tx.Screen(InstanceIdsOf(pairs), new InstanceCheck(Rejection.NotAssignable, (record, i) =>
            record.Extras is { UnassignCompletesAtMs: not 0 }
            || (record.AssignStatus == StatusValues.Assigned && !string.Equals(record.EffectiveAssignUser(tx.Profile), pairs[i].UserId, StringComparison.Ordinal))));
        foreach (int i in screening.ToChange)
        {
            StoredInstance record = screening.Record(i);
            record.AssignStatus = StatusValues.Assigned;
            record.AssignUserOverride = pairs[i].UserId;
        }

        return BatchResult.Of(screening, tx.Now);
    });

    /// <summary>
    /// Unbinds each instance from its user. Every pair must be bound (KOOPHONE.API.2210
    /// otherwise). The binding stays until <paramref name="duration"/> has passed, then
    /// assign_status is 0, assign_user empty and the user logged out. A second unbinding while
    /// one runs keeps the first one's end.
    /// </summary>
    public BatchResult TryUnassign(IReadOnlyList<UserInstancePair> pairs, TimeSpan duration) => store.Update(tx =>
    {
        BatchScreening screening = tx.Screen(InstanceIdsOf(pairs), new InstanceCheck(Rejection.BindingMissing, (record, i) =>
            record.AssignStatus != StatusValues.Assigned || !string.Equals(record.EffectiveAssignUser(tx.Profile), pairs[i].UserId, StringComparison.Ordinal)));
        long completesAtMs = (tx.Now + duration).ToUnixTimeMilliseconds();
        foreach (StoredInstance record in screening.RecordsToChange())
        {
            InstanceExtras extras = record.Extend();
            if (extras.UnassignCompletesAtMs == 0)
            {
                extras.UnassignCompletesAtMs = completesAtMs;
            }
        }

        return BatchResult.Of(screening, tx.Now);
    });

    /// <summary>The pairs' instance IDs in request order.</summary>
    public static string[] InstanceIdsOf(IReadOnlyList<UserInstancePair> pairs)
    {
        var ids = new string[pairs.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = pairs[i].InstanceId;
        }

        return ids;
    }
}
