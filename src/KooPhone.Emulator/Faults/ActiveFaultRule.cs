using System;
using System.Threading;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// A rule in the active set, with the counters and random stream that decide when it fires.
/// Counters are per rule and start at zero whenever the set is replaced. Thread-safe: the
/// counters use interlocked operations and the random stream is drawn under a lock.
/// </summary>
public sealed class ActiveFaultRule
{
    private readonly Random? random;
    private long matched;
    private long injected;

    /// <summary>Activates <paramref name="rule"/>; <paramref name="randomSeed"/> seeds its rate draws.</summary>
    public ActiveFaultRule(FaultRule rule, int randomSeed)
    {
        Rule = rule;
        random = rule.Rate is null ? null : new Random(randomSeed);
    }

    /// <summary>The rule's definition.</summary>
    public FaultRule Rule { get; }

    /// <summary>How many requests matched the rule's path and method so far.</summary>
    public long Matched => Interlocked.Read(ref matched);

    /// <summary>How many times the rule fired so far.</summary>
    public long Injected => Interlocked.Read(ref injected);

    /// <summary>Whether the request's method and path are the rule's: a rule without a path is for all of /v1, never IAM.</summary>
    public bool Matches(string method, PathString path) =>
        (Rule.Method is null || string.Equals(Rule.Method, method, StringComparison.OrdinalIgnoreCase))
        && path.StartsWithSegments(Rule.Path ?? KooPhoneApi.Prefix);

    /// <summary>Counts a matching request and returns its number (1 for the first).</summary>
    public long CountMatch() => Interlocked.Increment(ref matched);

    /// <summary>
    /// Decides whether the rule fires on matching request number <paramref name="match"/>: it must
    /// be an every-th request, win the rate draw, and find a free slot under the times cap.
    /// </summary>
    public bool TryFire(long match)
    {
        if (Rule.Every is int every && match % every != 0)
        {
            return false;
        }

        if (random is not null && !Draw(Rule.Rate!.Value))
        {
            return false;
        }

        // Claim a slot atomically so concurrent requests never exceed the cap.
        long current;
        do
        {
            current = Interlocked.Read(ref injected);
            if (Rule.Times is int times && current >= times)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref injected, current + 1, current) != current);

        return true;
    }

    private bool Draw(double rate)
    {
        lock (random!)
        {
            return random.NextDouble() < rate;
        }
    }
}
