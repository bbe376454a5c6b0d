using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace KooPhone.Client.Tests;

/// <summary>
/// A clock the test moves (FakeTimeProvider) that also remembers the waits the code under test has
/// started, so a test moves time only once the wait it means to end exists.
/// </summary>
internal sealed class ManualClock : FakeTimeProvider
{
    private readonly List<TimeSpan> _waits = new();

    public ManualClock() : this(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public ManualClock(DateTimeOffset start) : base(start)
    {
    }

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_waits)
        {
            _waits.Add(dueTime);
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>How many waits started so far last from <paramref name="atLeast"/> to <paramref name="atMost"/>.</summary>
    public int CountWaits(TimeSpan atLeast, TimeSpan atMost)
    {
        lock (_waits)
        {
            return _waits.Count(w => w >= atLeast && w <= atMost);
        }
    }

    /// <summary>The first wait started so far that lasts from <paramref name="atLeast"/> to <paramref name="atMost"/>, if any.</summary>
    public TimeSpan? WaitBetween(TimeSpan atLeast, TimeSpan atMost)
    {
        lock (_waits)
        {
            return _waits.Where(w => w >= atLeast && w <= atMost).Select(w => (TimeSpan?)w).FirstOrDefault();
        }
    }
}

/// <summary>The one way a test waits for the system: on a condition, with a generous limit, never a fixed sleep.</summary>
internal static class Until
{
    public static async Task Holds(Func<bool> condition, string what, double timeoutSeconds = 10)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(timeoutSeconds))
            {
                throw new TimeoutException($"Still waiting after {timeoutSeconds} s for: {what}");
            }

            await Task.Delay(2);
        }
    }
}
