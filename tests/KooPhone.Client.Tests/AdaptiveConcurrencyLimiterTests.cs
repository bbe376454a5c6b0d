using KooPhone.Client.Http;
using Xunit;

namespace KooPhone.Client.Tests;

public class AdaptiveConcurrencyLimiterTests
{
    private static async Task<List<ConcurrencyLease>> Take(AdaptiveConcurrencyLimiter limiter, int count)
    {
        var leases = new List<ConcurrencyLease>();
        for (var i = 0; i < count; i++)
        {
            leases.Add(await limiter.AcquireAsync(CancellationToken.None));
        }

        return leases;
    }

    [Fact]
    public async Task Starts_at_the_ceiling_and_makes_the_next_caller_wait_for_a_slot()
    {
        var limiter = new AdaptiveConcurrencyLimiter(3);
        var leases = await Take(limiter, 3);

        var waiting = limiter.AcquireAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        leases[0].Dispose();
        using var granted = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, limiter.InFlight);
        Assert.Equal(3, limiter.Limit);
    }

    [Fact]
    public async Task A_throttled_answer_cuts_the_limit_to_three_quarters_of_what_was_in_flight_once_per_burst()
    {
        var limiter = new AdaptiveConcurrencyLimiter(64);
        var burst = await Take(limiter, 10);

        burst[0].Throttled();
        Assert.Equal(7, limiter.Limit);

        // The rest of the burst was sent before the decrease: it says nothing new.
        foreach (var lease in burst.Skip(1))
        {
            lease.Throttled();
        }

        Assert.Equal(7, limiter.Limit);

        burst.ForEach(l => l.Dispose());
        using var later = await limiter.AcquireAsync(CancellationToken.None);
        later.Throttled();
        Assert.Equal(1, limiter.Limit);
    }

    [Fact]
    public async Task Never_goes_below_one_call()
    {
        var limiter = new AdaptiveConcurrencyLimiter(8);
        for (var i = 0; i < 10; i++)
        {
            using var lease = await limiter.AcquireAsync(CancellationToken.None);
            lease.Throttled();
        }

        Assert.Equal(1, limiter.Limit);
        using var still = await limiter.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Grows_by_about_one_slot_per_limit_of_accepted_answers_while_callers_wait()
    {
        var limiter = new AdaptiveConcurrencyLimiter(8);
        using (var first = await limiter.AcquireAsync(CancellationToken.None))
        {
            first.Throttled();
        }

        Assert.Equal(1, limiter.Limit);
        var held = await limiter.AcquireAsync(CancellationToken.None);
        var waiting = limiter.AcquireAsync(CancellationToken.None);

        held.Accepted();
        Assert.Equal(2, limiter.Limit);
        using var granted = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, limiter.InFlight);

        // 2 → 3 takes three accepted answers while the limit is reached: + 1/2, + 1/2.5, + 1/2.9.
        held.Accepted();
        held.Accepted();
        Assert.Equal(2, limiter.Limit);
        held.Accepted();
        Assert.Equal(3, limiter.Limit);
        held.Dispose();
    }

    [Fact]
    public async Task Does_not_grow_while_callers_do_not_use_the_limit()
    {
        var limiter = new AdaptiveConcurrencyLimiter(8);
        var burst = await Take(limiter, 8);
        burst[0].Throttled();
        burst.ForEach(l => l.Dispose());
        Assert.Equal(6, limiter.Limit);

        for (var i = 0; i < 20; i++)
        {
            using var lone = await limiter.AcquireAsync(CancellationToken.None);
            lone.Accepted();
        }

        Assert.Equal(6, limiter.Limit);
    }

    [Fact]
    public async Task Stops_growing_at_the_ceiling()
    {
        var limiter = new AdaptiveConcurrencyLimiter(2);
        var leases = await Take(limiter, 2);
        for (var i = 0; i < 50; i++)
        {
            leases[0].Accepted();
        }

        Assert.Equal(2, limiter.Limit);
        leases.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task Cancelling_a_wait_ends_it_at_once_and_takes_no_slot()
    {
        var limiter = new AdaptiveConcurrencyLimiter(1);
        var held = await limiter.AcquireAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(stop.Token);

        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));

        held.Dispose();
        Assert.Equal(0, limiter.InFlight);
        using var next = await limiter.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_limit()
    {
        var limiter = new AdaptiveConcurrencyLimiter(6);
        var inside = 0;
        var peak = 0;
        var callers = Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            using var lease = await limiter.AcquireAsync(CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref peak, now);
            await Task.Delay(10);
            Interlocked.Decrement(ref inside);
        }));

        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.InRange(peak, 1, 6);
        Assert.Equal(0, limiter.InFlight);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
