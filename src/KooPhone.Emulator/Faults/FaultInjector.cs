using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// The fault rules and the latency in force, changeable at run time, and the decision of what
/// they do to a request. Deciding reads one volatile reference, so with no rules set it costs
/// next to nothing (the benchmarks send 100,000-ID loads through it).
/// </summary>
public sealed class FaultInjector
{
    private readonly IReadOnlyList<FaultRule> startupRules;
    private readonly int startupLatencyMs;
    private readonly int seed;
    private ActiveFaultRule[] rules = Array.Empty<ActiveFaultRule>();
    private int latencyMs;

    /// <summary>Starts with the --fault rules and --latency-ms; <paramref name="seed"/> seeds the rate draws.</summary>
    public FaultInjector(IReadOnlyList<FaultRule> startupRules, int startupLatencyMs, int seed)
    {
        this.startupRules = startupRules;
        this.startupLatencyMs = startupLatencyMs;
        this.seed = seed;
        Reset();
    }

    /// <summary>Delay before every /v1 request, in ms.</summary>
    public int LatencyMs
    {
        get => Volatile.Read(ref latencyMs);
        set => Volatile.Write(ref latencyMs, value);
    }

    /// <summary>The active rules with their counters, in order.</summary>
    public IReadOnlyList<ActiveFaultRule> Rules => Volatile.Read(ref rules);

    /// <summary>Replaces the rule set; counters and random streams start afresh.</summary>
    public void Replace(IReadOnlyList<FaultRule> newRules)
    {
        var active = new ActiveFaultRule[newRules.Count];
        for (int i = 0; i < active.Length; i++)
        {
            // One stream per rule position: the same rules see the same draws on every run,
            // whatever the other rules do.
            active[i] = new ActiveFaultRule(newRules[i], unchecked(seed * 31 + i));
        }

        Volatile.Write(ref rules, active);
    }

    /// <summary>Back to the start-up rules (fresh counters) and the start-up latency.</summary>
    public void Reset()
    {
        Replace(startupRules);
        LatencyMs = startupLatencyMs;
    }

    /// <summary>
    /// Decides what happens to a request. Every rule whose method and path match counts it.
    /// Rules are tried in order: a latency rule that fires adds its delay (before or after the
    /// operation, by its phase) and the next rule is tried; the first other rule that fires
    /// decides the answer, in its phase.
    /// </summary>
    public FaultDecision Decide(string method, PathString path)
    {
        ActiveFaultRule[] current = Volatile.Read(ref rules);
        int delayMs = LatencyMs;
        if (current.Length == 0)
        {
            return new FaultDecision(delayMs, 0, false, null);
        }

        int afterDelayMs = 0;
        bool latencyFired = false;
        FaultRule? decided = null;
        foreach (ActiveFaultRule rule in current)
        {
            if (!rule.Matches(method, path))
            {
                continue;
            }

            long match = rule.CountMatch();
            if (decided is not null || !rule.TryFire(match))
            {
                continue;
            }

            if (rule.Rule.Kind == FaultKind.Latency)
            {
                if (rule.Rule.Phase == FaultPhase.After)
                {
                    afterDelayMs += rule.Rule.DelayMs!.Value;
                }
                else
                {
                    delayMs += rule.Rule.DelayMs!.Value;
                }

                latencyFired = true;
            }
            else
            {
                decided = rule.Rule;
            }
        }

        return new FaultDecision(delayMs, afterDelayMs, latencyFired, decided);
    }
}
