namespace KooPhone.Emulator.Faults;

/// <summary>What fault injection does to one request: wait first, then maybe answer with a fault.</summary>
public readonly record struct FaultDecision(int DelayMs, bool LatencyRuleFired, FaultRule? Rule)
{
    /// <summary>Whether anything at all applies (the common, cheap case is "no").</summary>
    public bool IsNone => DelayMs == 0 && !LatencyRuleFired && Rule is null;
}
