namespace KooPhone.Emulator.State;

/// <summary>The enumeration values of docs/api-reference.md §4 that the emulator sets or reports itself.</summary>
public static class StatusValues
{
    /// <summary>running_status 1: stopped (a backed-up instance has released its machine).</summary>
    public const int Stopped = 1;

    /// <summary>running_status 2: running.</summary>
    public const int Running = 2;

    /// <summary>running_status 3: going offline (while a backup runs).</summary>
    public const int GoingOffline = 3;

    /// <summary>running_status 4: starting (while a reboot or reset runs).</summary>
    public const int Starting = 4;

    /// <summary>backup_status / restore_status 1: executing.</summary>
    public const int Executing = 1;

    /// <summary>backup_status / restore_status 2: succeeded.</summary>
    public const int Succeeded = 2;

    /// <summary>backup_status / restore_status 4: other (a new instance that was never backed up).</summary>
    public const int Other = 4;

    /// <summary>assign_status 1: assigned to a user.</summary>
    public const int Assigned = 1;

    /// <summary>ExecuteJob jobs[].status 0: not started yet (app-install tasks only).</summary>
    public const int JobNotStarted = 0;

    /// <summary>ExecuteJob jobs[].status 1: running.</summary>
    public const int JobRunning = 1;

    /// <summary>ExecuteJob jobs[].status 2: succeeded.</summary>
    public const int JobSucceeded = 2;

    /// <summary>ExecuteJob jobs[].status -1: failed (command tasks).</summary>
    public const int JobFailed = -1;

    /// <summary>Lifecycle status (docs/api-reference.md §4.2) 0: ready.</summary>
    public const int LifecycleReady = 0;

    /// <summary>Lifecycle status 1: waiting to be restored.</summary>
    public const int LifecycleWaitingToBeRestored = 1;

    /// <summary>Lifecycle status 3: backing up.</summary>
    public const int LifecycleBackingUp = 3;

    /// <summary>Lifecycle status 4: resetting.</summary>
    public const int LifecycleResetting = 4;

    /// <summary>Lifecycle status 5: restarting.</summary>
    public const int LifecycleRestarting = 5;

    /// <summary>Lifecycle status 6: offline.</summary>
    public const int LifecycleOffline = 6;

    /// <summary>Prepare progress (docs/api-reference.md §4.3) 0: ready, streaming may start.</summary>
    public const int ProgressReady = 0;

    /// <summary>Prepare progress 1: queued.</summary>
    public const int ProgressQueued = 1;

    /// <summary>Prepare progress 2: restoring.</summary>
    public const int ProgressRestoring = 2;

    /// <summary>Prepare progress 3: backing up.</summary>
    public const int ProgressBackingUp = 3;
}
