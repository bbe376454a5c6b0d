using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>BatchRebootInstance (docs/api-reference.md §5.4), BatchResetInstance (§5.5) and DeleteInstance (§5.10).</summary>
public sealed class LifecycleOperations
{
    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public LifecycleOperations(InstanceStore store) => this.store = store;

    /// <summary>
    /// Reboots the instances, which must all be running (KOOPHONE.API.5005 otherwise): each is
    /// starting (running_status 4) for <paramref name="duration"/>, then running again.
    /// </summary>
    public BatchResult TryReboot(IReadOnlyList<string> ids, TimeSpan duration) => store.Update(tx =>
    {
        BatchScreening screening = tx.Screen(ids, new InstanceCheck(Rejection.NotRunning, r => r.RunningStatus != StatusValues.Running));
        Start(screening.RecordsToChange(), StartReason.Reboot, tx.Now + duration);
        return BatchResult.Of(screening, tx.Now);
    });

    /// <summary>
    /// Factory-resets all instances unless one is being backed up or restored: each is starting
    /// for <paramref name="duration"/>, then running, with the image's app list again.
    /// </summary>
    public BatchResult TryReset(IReadOnlyList<string> ids, TimeSpan duration) => store.Update(tx =>
    {
        BatchScreening screening = tx.Screen(
            ids,
            new InstanceCheck(Rejection.BackingUp, r => r.BackupStatus == StatusValues.Executing),
            new InstanceCheck(Rejection.Restoring, r => r.RestoreStatus == StatusValues.Executing));
        List<StoredInstance> records = screening.RecordsToChange();
        Start(records, StartReason.Reset, tx.Now + duration);
        foreach (StoredInstance record in records)
        {
            // A reset wipes what was installed since; installs still in flight land afterwards.
            record.Extras!.Apps = null;
        }

        return BatchResult.Of(screening, tx.Now);
    });

    /// <summary>
    /// Unsubscribes all instances unless one is pay-per-use (KOOPHONE.API.5001), and answers the
    /// IDs it deleted (a refusal names those it deleted anyway, see <see cref="InstanceTransaction.Screen"/>). Deleted instances are unknown to every operation from then on. An instance
    /// deleted earlier that ListInstances still shows (--delete-lag-ms) is accepted again, since
    /// its deletion is still under way, but not deleted twice.
    /// </summary>
    public BatchResult<IReadOnlyList<string>> TryDelete(IReadOnlyList<string> ids) => store.Update(tx =>
    {
        var fresh = new List<string>(ids.Count);
        foreach (string id in ids)
        {
            if (!tx.IsStillListed(id))
            {
                fresh.Add(id);
            }
        }

        BatchScreening screening = tx.Screen(fresh, new InstanceCheck(Rejection.PayPerUse, IsPayPerUse));
        tx.Remove(screening.RecordsToChange());
        return screening.Refusal is null
            ? BatchResult<IReadOnlyList<string>>.Accepted(fresh, tx.Now)
            : BatchResult<IReadOnlyList<string>>.Refused(screening.Refusal);
    });

    // Created instances are always yearly/monthly; seeded ones follow the seeding rule.
    private static bool IsPayPerUse(StoredInstance record) =>
        record.Extras?.Created is null && InstanceProfile.BillingMode(record.Index) == InstanceProfile.PostPaid;

    private static void Start(List<StoredInstance> records, StartReason reason, DateTimeOffset completesAt)
    {
        long completesAtMs = completesAt.ToUnixTimeMilliseconds();
        foreach (StoredInstance record in records)
        {
            InstanceExtras extras = record.Extend();
            record.RunningStatus = StatusValues.Starting;
            extras.StartingCompletesAtMs = completesAtMs;
            extras.StartReason = reason;
        }
    }
}
