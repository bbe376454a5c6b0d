namespace KooPhone.Emulator.State;

/// <summary>
/// The mutable state of one instance. Only what can change (or must be unique) is stored;
/// everything else (name, SKU, phone_id, the assigned user's ID…) is derived from the index
/// and the seed by <see cref="InstanceProfile"/>, so a million instances stay memory-light.
/// Not thread-safe by itself: only <see cref="InstanceStore"/> touches it, under its lock.
/// </summary>
public sealed class StoredInstance
{
    /// <summary>Creates a record for the instance at <paramref name="index"/> (seed order).</summary>
    public StoredInstance(int index, string id)
    {
        Index = index;
        Id = id;
    }

    /// <summary>
    /// Position in seed order, then creation order; ListInstances pages in this order. Never
    /// reused: it also drives every seed-derived value, so it stays fixed when others are deleted.
    /// </summary>
    public int Index { get; }

    /// <summary>The instance_id.</summary>
    public string Id { get; }

    /// <summary>running_status, docs/api-reference.md §4.1.</summary>
    public sbyte RunningStatus { get; set; }

    /// <summary>frozen_status, docs/api-reference.md §4.5.</summary>
    public sbyte FrozenStatus { get; set; }

    /// <summary>login_status, docs/api-reference.md §4.5.</summary>
    public sbyte LoginStatus { get; set; }

    /// <summary>assign_status, docs/api-reference.md §4.5.</summary>
    public sbyte AssignStatus { get; set; }

    /// <summary>backup_status, docs/api-reference.md §4.5.</summary>
    public sbyte BackupStatus { get; set; }

    /// <summary>restore_status, docs/api-reference.md §4.5.</summary>
    public sbyte RestoreStatus { get; set; }

    /// <summary>backup_time as Unix seconds.</summary>
    public long BackupTime { get; set; }

    /// <summary>restore_time as Unix seconds.</summary>
    public long RestoreTime { get; set; }

    /// <summary>
    /// When the in-flight backup finishes, in Unix milliseconds, or 0 when none runs. Transitions
    /// are applied lazily by <see cref="InstanceStore"/> when the record is read, so no timers exist.
    /// </summary>
    public long BackupCompletesAtMs { get; set; }

    /// <summary>
    /// An assign_user set by ProvisionInstance, an unassignment ("") or the admin API; null means
    /// "derived from the seed".
    /// </summary>
    public string? AssignUserOverride { get; set; }

    /// <summary>The rarely needed state (<see cref="InstanceExtras"/>), or null while the instance has none.</summary>
    public InstanceExtras? Extras { get; set; }

    /// <summary>The extras, created on first use.</summary>
    public InstanceExtras Extend() => Extras ??= new InstanceExtras();

    /// <summary>The image: AOSP11 for seeded instances, the ordered one for created instances.</summary>
    public string Os => Extras?.Created?.Os ?? InstanceProfile.SeededOs;

    /// <summary>The region: the ordered one for created instances, the seeded one otherwise.</summary>
    public RegionInfo Region(InstanceProfile profile) => Extras?.Created?.Region ?? profile.SeededRegion(Index);

    /// <summary>instance_name: the ordered one for created instances, phone-NNNNN otherwise.</summary>
    public string Name => Extras?.Created?.Name ?? InstanceProfile.Name(Index);

    /// <summary>When the instance was created (Unix seconds): the order's time, or the seeded time.</summary>
    public long CreatedAtSeconds => Extras?.Created?.CreatedAtSeconds ?? InstanceProfile.SeededCreatedAt(Index);

    /// <summary>The node group (pool_name) the instance belongs to.</summary>
    public string PoolName => Extras?.Created is null ? InstanceProfile.SeededPoolName(Index) : InstanceProfile.CreatedPoolName;

    /// <summary>The assign_user the instance reports (empty when unassigned).</summary>
    public string EffectiveAssignUser(InstanceProfile profile) =>
        AssignUserOverride ?? (AssignStatus == StatusValues.Assigned ? profile.DerivedUser(Index) : string.Empty);

    /// <summary>Copies the mutable fields, so they can be formatted outside the store's lock.</summary>
    public InstanceState Capture() => new(
        RunningStatus, FrozenStatus, LoginStatus, AssignStatus, BackupStatus, RestoreStatus,
        BackupTime, RestoreTime, AssignUserOverride, Extras?.Created);
}
