namespace KooPhone.Emulator.State;

/// <summary>Why a backup request was rejected as a whole, in the order the checks run.</summary>
public enum BackupRejection
{
    /// <summary>Not rejected: the backup started.</summary>
    None = 0,

    /// <summary>At least one ID does not exist (KOOPHONE.API.1001).</summary>
    UnknownInstances,

    /// <summary>At least one instance is being backed up already (KOOPHONE.API.2006).</summary>
    AlreadyBackingUp,

    /// <summary>At least one instance is not running (KOOPHONE.API.5005).</summary>
    NotRunning,
}
