using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>All instances in seed order plus an index by ID. Replaced as a whole on reset.</summary>
public sealed class InstanceTable
{
    /// <summary>Wraps records produced by <see cref="InstanceSeeder"/>.</summary>
    public InstanceTable(InstanceRecord[] records, Dictionary<string, InstanceRecord> byId)
    {
        Records = records;
        ById = byId;
    }

    /// <summary>Records in seed order; <c>Records[i].Index == i</c>.</summary>
    public InstanceRecord[] Records { get; }

    /// <summary>Records by instance_id (ordinal, case-sensitive).</summary>
    public Dictionary<string, InstanceRecord> ById { get; }
}
