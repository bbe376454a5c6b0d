namespace KooPhone.Emulator.State;

/// <summary>The enumeration values of reference §4.1, §4.4 and §4.5 that the emulator sets itself.</summary>
public static class StatusValues
{
    /// <summary>running_status 1: stopped (a backed-up instance has released its machine).</summary>
    public const int Stopped = 1;

    /// <summary>running_status 2: running.</summary>
    public const int Running = 2;

    /// <summary>running_status 3: going offline (while a backup runs).</summary>
    public const int GoingOffline = 3;

    /// <summary>backup_status / restore_status 1: executing.</summary>
    public const int Executing = 1;

    /// <summary>backup_status / restore_status 2: succeeded.</summary>
    public const int Succeeded = 2;

    /// <summary>assign_status 1: assigned to a user.</summary>
    public const int Assigned = 1;

    /// <summary>ExecuteJob jobs[].status 1: running.</summary>
    public const int JobRunning = 1;

    /// <summary>ExecuteJob jobs[].status 2: succeeded.</summary>
    public const int JobSucceeded = 2;
}
