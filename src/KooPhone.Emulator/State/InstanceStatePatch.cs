namespace KooPhone.Emulator.State;

/// <summary>Fields a test sets directly through the admin API; null means "leave unchanged".</summary>
public sealed class InstanceStatePatch
{
    /// <summary>running_status.</summary>
    public sbyte? RunningStatus { get; set; }

    /// <summary>frozen_status.</summary>
    public sbyte? FrozenStatus { get; set; }

    /// <summary>login_status.</summary>
    public sbyte? LoginStatus { get; set; }

    /// <summary>assign_status.</summary>
    public sbyte? AssignStatus { get; set; }

    /// <summary>assign_user (an explicit value, kept even if assign_status changes later).</summary>
    public string? AssignUser { get; set; }

    /// <summary>backup_status.</summary>
    public sbyte? BackupStatus { get; set; }

    /// <summary>backup_time as Unix seconds.</summary>
    public long? BackupTime { get; set; }

    /// <summary>restore_status.</summary>
    public sbyte? RestoreStatus { get; set; }

    /// <summary>restore_time as Unix seconds.</summary>
    public long? RestoreTime { get; set; }
}
