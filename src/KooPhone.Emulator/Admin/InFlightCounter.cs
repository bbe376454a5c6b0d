using System.Threading;

namespace KooPhone.Emulator.Admin;

/// <summary>
/// Counts the /v1 requests in flight, refused ones included, so each request-log entry can say
/// how many there were when it arrived: what a test reads the peak of a client's concurrency from.
/// </summary>
public sealed class InFlightCounter
{
    private int inFlight;

    /// <summary>Counts a request that arrived; answers how many are in flight with it.</summary>
    public int Enter() => Interlocked.Increment(ref inFlight);

    /// <summary>Counts a request whose response is done.</summary>
    public void Exit() => Interlocked.Decrement(ref inFlight);
}
