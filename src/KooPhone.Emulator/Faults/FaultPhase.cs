namespace KooPhone.Emulator.Faults;

/// <summary>When a fault rule acts on a request it fires on (see docs/emulator.md).</summary>
public enum FaultPhase
{
    /// <summary>Instead of the operation: the request changes no state.</summary>
    Before,

    /// <summary>After the operation was carried out: its state change stands, only the answer is lost, broken or late.</summary>
    After,
}
