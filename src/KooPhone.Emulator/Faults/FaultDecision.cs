namespace KooPhone.Emulator.Faults;

/// <summary>
/// What fault injection does to one request: wait first, then maybe answer with a fault instead
/// of the operation (a <see cref="FaultPhase.Before"/> rule); or carry the operation out, then
/// wait <see cref="AfterDelayMs"/> and answer, or replace the answer (a <see cref="FaultPhase.After"/> rule).
/// </summary>
public readonly record struct FaultDecision(int DelayMs, int AfterDelayMs, bool LatencyRuleFired, FaultRule? Rule)
{
    /// <summary>Whether anything at all applies (the common, cheap case is "no").</summary>
    public bool IsNone => DelayMs == 0 && AfterDelayMs == 0 && !LatencyRuleFired && Rule is null;

    /// <summary>
    /// Whether the operation runs and something happens to its answer afterwards. A rule in the
    /// before phase answers instead of the operation, so an after-phase delay has nothing to delay.
    /// </summary>
    public bool ActsAfter => Rule is null ? AfterDelayMs > 0 : Rule.Phase == FaultPhase.After;
}
