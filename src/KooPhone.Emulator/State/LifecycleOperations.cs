using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>BatchRebootInstance (§5.4), BatchResetInstance (§5.5) and DeleteInstance (§5.10).</summary>
public sealed class LifecycleOperations
{
    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public LifecycleOperations(InstanceStore store) => this.store = store;

    /// <summary>
    /// Reboots all instances, which must all be running (KOOPHONE.API.5005 otherwise): each is
    /// starting (running_status 4) for <paramref name="duration"/>, then running again.
    /// </summary>
    public BatchResult TryReboot(IReadOnlyList<string> ids, TimeSpan duration) => store.Update(tx =>
    {
        InstanceRecord[]? records = tx.Resolve(ids, out Refusal? refusal);
        refusal ??= InstanceTransaction.RefuseAny(records!, Rejection.NotRunning, r => r.RunningStatus != StatusValues.Running);
        if (refusal is not null)
        {
            return BatchResult.Refused(refusal);
        }

        Start(records!, StartReason.Reboot, tx.Now + duration);
        return BatchResult.Accepted(tx.Now);
    });

    /// <summary>
    /// Factory-resets all instances unless one is being backed up or restored: each is starting
    /// for <paramref name="duration"/>, then running, with the image's app list again.
    /// </summary>
    public BatchResult TryReset(IReadOnlyList<string> ids, TimeSpan duration) => store.Update(tx =>
    {
        InstanceRecord[]? records = tx.Resolve(ids, out Refusal? refusal);
        refusal ??= InstanceTransaction.RefuseAny(records!, Rejection.BackingUp, r => r.BackupStatus == StatusValues.Executing)
            ?? InstanceTransaction.RefuseAny(records!, Rejection.Restoring, r => r.RestoreStatus == StatusValues.Executing);
        if (refusal is not null)
        {
            return BatchResult.Refused(refusal);
        }

        Start(records!, StartReason.Reset, tx.Now + duration);
        foreach (InstanceRecord record in records!)
        {
            // A reset wipes what was installed since; installs still in flight land afterwards.
            record.Extras!.Apps = null;
        }

        return BatchResult.Accepted(tx.Now);
    });

    /// <summary>
    /// Unsubscribes all instances unless one is pay-per-use (KOOPHONE.API.5001). Deleted
    /// instances are unknown to every operation from then on.
    /// </summary>
    public Refusal? TryDelete(IReadOnlyList<string> ids) => store.Update(tx =>
    {
        InstanceRecord[]? records = tx.Resolve(ids, out Refusal? refusal);
        refusal ??= InstanceTransaction.RefuseAny(records!, Rejection.PayPerUse, IsPayPerUse);
        if (refusal is null)
        {
            tx.Remove(records!);
        }

        return refusal;
    });

    // Created instances are always yearly/monthly; seeded ones follow the seeding rule.
    private static bool IsPayPerUse(InstanceRecord record) =>
        record.Extras?.Created is null && InstanceProfile.BillingMode(record.Index) == InstanceProfile.PostPaid;

    private static void Start(InstanceRecord[] records, StartReason reason, DateTimeOffset completesAt)
    {
        long completesAtMs = completesAt.ToUnixTimeMilliseconds();
        foreach (InstanceRecord record in records)
        {
            InstanceExtras extras = record.Extend();
            record.RunningStatus = StatusValues.Starting;
            extras.StartingCompletesAtMs = completesAtMs;
            extras.StartReason = reason;
        }
    }
}
