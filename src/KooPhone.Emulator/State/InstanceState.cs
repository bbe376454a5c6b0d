namespace KooPhone.Emulator.State;

/// <summary>A point-in-time copy of an <see cref="StoredInstance"/>'s mutable fields.</summary>
public readonly record struct InstanceState(
    int RunningStatus,
    int FrozenStatus,
    int LoginStatus,
    int AssignStatus,
    int BackupStatus,
    int RestoreStatus,
    long BackupTime,
    long RestoreTime,
    string? AssignUserOverride,
    CreatedInstance? Created);
