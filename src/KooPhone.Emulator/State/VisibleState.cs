using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// What the read operations show of an instance: its fields and its app list (null: the seeded
/// list). App lists are never changed in place once stored, so comparing the reference tells
/// whether the list changed.
/// </summary>
public readonly record struct VisibleState(InstanceState State, List<AppEntry>? Apps)
{
    /// <summary>The record's current state; the caller holds the store's lock.</summary>
    public static VisibleState Of(StoredInstance record) => new(record.Capture(), record.Extras?.Apps);
}
