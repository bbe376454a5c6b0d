using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>BatchBackupInstances (docs/api-reference.md §5.2): back data up to OBS and release the machines.</summary>
public sealed class BackupOperations
{
    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public BackupOperations(InstanceStore store) => this.store = store;

    /// <summary>
    /// Checks every ID (unknown, then already backing up, then not running) and either refuses
    /// the batch or starts a backup of all of them that finishes after <paramref name="duration"/>:
    /// running_status 3, then 1 with backup_status 2. IDs must be distinct (the API layer ensures it).
    /// </summary>
    public BatchResult TryStart(IReadOnlyList<string> ids, TimeSpan duration) => store.Update(tx =>
    {
        BatchScreening screening = tx.Screen(
            ids,
            new InstanceCheck(Rejection.BackingUp, r => r.BackupStatus == StatusValues.Executing),
            new InstanceCheck(Rejection.NotRunning, r => r.RunningStatus != StatusValues.Running));
        long completesAtMs = (tx.Now + duration).ToUnixTimeMilliseconds();
        foreach (StoredInstance record in screening.RecordsToChange())
        {
            record.BackupStatus = StatusValues.Executing;
            record.RunningStatus = StatusValues.GoingOffline;
            record.BackupTime = tx.NowMs / 1000;
            record.BackupCompletesAtMs = completesAtMs;
        }

        return BatchResult.Of(screening, tx.Now);
    });
}
