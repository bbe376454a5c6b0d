using System;
using System.Threading;

namespace KooPhone.Emulator.Hosting;

/// <summary>
/// The emulator's clock under <c>--clock manual</c>: it stands still from start-up until
/// <c>POST /_emulator/clock</c> moves it forward, so a test decides when jobs end, tokens expire
/// and lags run out instead of sleeping for them. Only the state clock is replaced; latency and
/// hang faults still take real time, because they exist to exercise the client's own real-time
/// timeouts and cancellation. Thread-safe.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long utcTicks;

    /// <summary>Starts the clock standing at <paramref name="start"/>.</summary>
    public ManualClock(DateTimeOffset start) => utcTicks = start.UtcTicks;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    /// <summary>
    /// Moves the clock forward by <paramref name="span"/> and returns the new time. Never back:
    /// jobs store when they end, and a clock that went back would make them run again.
    /// </summary>
    public DateTimeOffset Advance(TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        return new DateTimeOffset(Interlocked.Add(ref utcTicks, span.Ticks), TimeSpan.Zero);
    }
}
