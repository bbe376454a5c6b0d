using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>BatchPrepareInstances (docs/api-reference.md §5.3) and ShowProgress (§5.18): restoring released instances for streaming.</summary>
public sealed class PrepareOperations
{
    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public PrepareOperations(InstanceStore store) => this.store = store;

    /// <summary>
    /// Prepares every instance for <paramref name="userId"/> and answers each one's lifecycle
    /// status (docs/api-reference.md §4.2). A released instance (stopped after a backup) reports 1, waiting to be
    /// restored, and its restore starts: restore_status 1, and after <paramref name="duration"/>
    /// running with restore_status 2. Only unknown IDs and mixed regions refuse the batch.
    /// </summary>
    public BatchResult<int[]> TryPrepare(string userId, IReadOnlyList<string> ids, TimeSpan duration) => store.Update(tx =>
    {
        BatchScreening screening = tx.Screen(ids);
        long completesAtMs = (tx.Now + duration).ToUnixTimeMilliseconds();
        var statuses = new int[ids.Count];
        foreach (int i in screening.ToChange)
        {
            StoredInstance record = screening.Record(i);
            statuses[i] = LifecycleStatus(record);
            if (statuses[i] == StatusValues.LifecycleWaitingToBeRestored && record.RestoreStatus != StatusValues.Executing)
            {
                record.RestoreStatus = StatusValues.Executing;
                record.RestoreTime = tx.NowMs / 1000;
                record.Extend().RestoreCompletesAtMs = completesAtMs;
            }

            record.Extend().PreparedForUser = userId;
        }

        return screening.Refusal is null ? BatchResult<int[]>.Accepted(statuses, tx.Now) : BatchResult<int[]>.Refused(screening.Refusal);
    });

    /// <summary>
    /// The preparation progress (docs/api-reference.md §4.3) of one instance: 3 backing up, 2 restoring, 0 ready
    /// (running), otherwise 1 queued. The user is not checked: the reference does not say how.
    /// </summary>
    public BatchResult<PrepareProgress> TryShowProgress(string instanceId) => store.Update(tx =>
    {
        StoredInstance? record = tx.Find(instanceId);
        if (record is null)
        {
            return BatchResult<PrepareProgress>.Refused(new Refusal(Rejection.UnknownInstances, new[] { instanceId }));
        }

        PrepareProgress progress;
        if (record.BackupStatus == StatusValues.Executing)
        {
            progress = new PrepareProgress(StatusValues.ProgressBackingUp, 0);
        }
        else if (record.RestoreStatus == StatusValues.Executing)
        {
            long leftMs = Math.Max(0, (record.Extras?.RestoreCompletesAtMs ?? 0) - tx.NowMs);

            // Rounded up, so a restore that is still running never reports 0 seconds left.
            progress = new PrepareProgress(StatusValues.ProgressRestoring, (int)((leftMs + 999) / 1000));
        }
        else
        {
            progress = new PrepareProgress(
                record.RunningStatus == StatusValues.Running ? StatusValues.ProgressReady : StatusValues.ProgressQueued, 0);
        }

        return BatchResult<PrepareProgress>.Accepted(progress, tx.Now);
    });

    // docs/api-reference.md §4.2 as far as the emulator's states go; a restore already under way still waits (1).
    private static int LifecycleStatus(StoredInstance record)
    {
        if (record.BackupStatus == StatusValues.Executing)
        {
            return StatusValues.LifecycleBackingUp;
        }

        if (record.RestoreStatus == StatusValues.Executing)
        {
            return StatusValues.LifecycleWaitingToBeRestored;
        }

        if (record.Extras is { StartingCompletesAtMs: not 0 } extras)
        {
            return extras.StartReason == StartReason.Reset ? StatusValues.LifecycleResetting : StatusValues.LifecycleRestarting;
        }

        return record.RunningStatus switch
        {
            StatusValues.Running => StatusValues.LifecycleReady,
            StatusValues.Stopped => StatusValues.LifecycleWaitingToBeRestored,
            _ => StatusValues.LifecycleOffline,
        };
    }
}
