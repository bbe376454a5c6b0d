using System.Threading;

namespace KooPhone.Emulator.Admin;

/// <summary>
/// Counts the /v1 requests in flight, refused ones included, so each request-log entry can say
/// how many there were when it arrived: what a test reads the peak of a client's concurrency from.
/// GET /_emulator/in-flight tells the count now, which falls when a client abandons a request
/// that hangs: what a test waits on to see a stopped command let go of its calls.
/// </summary>
public sealed class InFlightCounter
{
    private int inFlight;

    /// <summary>Counts a request that arrived; answers how many are in flight with it.</summary>
    public int Enter() => Interlocked.Increment(ref inFlight);

    /// <summary>Counts a request whose response is done.</summary>
    public void Exit() => Interlocked.Decrement(ref inFlight);

    /// <summary>The requests whose response is not done yet.</summary>
    public int Current => Volatile.Read(ref inFlight);
}
