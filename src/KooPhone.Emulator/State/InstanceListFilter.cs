using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// The ListInstances filters and order beyond instance_id and instance_name. The reference gives
/// their names and formats but not what they compare with, so the emulator assumes (see
/// docs/emulator.md): the time window is the creation time, inclusive at both ends; the scene tag
/// and node-group name are exact; order_by names a result field.
/// </summary>
public sealed class InstanceListFilter
{
    /// <summary>The order_by values the emulator sorts by; the reference lists none.</summary>
    public static readonly IReadOnlyList<string> SortFields = new[] { "instance_name", "instance_id", "create_time" };

    /// <summary>query_start_time as Unix seconds, or null.</summary>
    public long? FromSeconds { get; init; }

    /// <summary>query_end_time as Unix seconds, or null.</summary>
    public long? ToSeconds { get; init; }

    /// <summary>pool_scene_tag, or null.</summary>
    public string? SceneTag { get; init; }

    /// <summary>pool_name, or null.</summary>
    public string? PoolName { get; init; }

    /// <summary>order_by, one of <see cref="SortFields"/>, or null for listing order.</summary>
    public string? OrderBy { get; init; }

    /// <summary>order desc.</summary>
    public bool Descending { get; init; }

    /// <summary>True when the listing is every instance in listing order, which is served without a scan.</summary>
    public bool IsNone => FromSeconds is null && ToSeconds is null && SceneTag is null && PoolName is null && OrderBy is null && !Descending;

    /// <summary>Whether <paramref name="record"/> passes the filters.</summary>
    public bool Matches(StoredInstance record)
    {
        long created = record.CreatedAtSeconds;
        return (FromSeconds is null || created >= FromSeconds)
            && (ToSeconds is null || created <= ToSeconds)
            && (SceneTag is null || string.Equals(SceneTag, InstanceProfile.SceneTag, StringComparison.Ordinal))
            && (PoolName is null || string.Equals(PoolName, record.PoolName, StringComparison.Ordinal));
    }

    /// <summary>Puts <paramref name="records"/> (in listing order) into the order asked for.</summary>
    public void Sort(List<StoredInstance> records)
    {
        Comparison<StoredInstance>? compare = OrderBy switch
        {
            "instance_name" => (a, b) => string.CompareOrdinal(a.Name, b.Name),
            "instance_id" => (a, b) => string.CompareOrdinal(a.Id, b.Id),
            "create_time" => (a, b) => a.CreatedAtSeconds.CompareTo(b.CreatedAtSeconds),
            _ => null,
        };
        if (compare is not null)
        {
            // Ties keep listing order, so pages do not overlap.
            records.Sort((a, b) => compare(a, b) is var c && c != 0 ? c : a.Index.CompareTo(b.Index));
        }

        if (Descending)
        {
            records.Reverse();
        }
    }
}
