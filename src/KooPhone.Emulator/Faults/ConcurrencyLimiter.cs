using System.Threading;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// Counts /v1 requests in flight and refuses those above --max-concurrency, the way a gateway's
/// throttling does. A refused request never counts, so it cannot make others fail.
/// </summary>
public sealed class ConcurrencyLimiter
{
    private readonly int limit;
    private int inFlight;

    /// <summary>Creates a limiter; <paramref name="limit"/> 0 means no limit.</summary>
    public ConcurrencyLimiter(int limit) => this.limit = limit;

    /// <summary>Whether any limit applies (no counting at all otherwise).</summary>
    public bool IsEnabled => limit > 0;

    /// <summary>Takes a slot, or returns false when <c>limit</c> requests are already in flight.</summary>
    public bool TryEnter()
    {
        int current;
        do
        {
            current = Volatile.Read(ref inFlight);
            if (current >= limit)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref inFlight, current + 1, current) != current);

        return true;
    }

    /// <summary>Gives back a slot taken by <see cref="TryEnter"/>.</summary>
    public void Exit() => Interlocked.Decrement(ref inFlight);
}
