using KooPhone.Client.Batching;
using KooPhone.Client.Connection;
using Xunit;

namespace KooPhone.Client.Tests;

public class BatchDispatcherTests
{
    private static List<string> Ids(int count) => Enumerable.Range(1, count).Select(i => "id" + i).ToList();

    [Fact]
    public void Cuts_250_items_into_100_100_50_and_sends_each_once()
    {
        var sent = new List<IReadOnlyList<string>>();
        var dispatcher = new BatchDispatcher<string, int>(100, 4, (batch, _) => { lock (sent) { sent.Add(batch.ToList()); } return Task.FromResult(batch.Count); }, CancellationToken.None);

        var finished = new List<CompletedBatch<string, int>>();
        foreach (var id in Ids(250))
        {
            finished.AddRange(dispatcher.Add(id));
        }

        finished.AddRange(dispatcher.Complete());

        Assert.Equal(new[] { 100, 100, 50 }, sent.Select(b => b.Count));
        Assert.Equal(Ids(250), sent.SelectMany(b => b));
        Assert.Equal(250, finished.Sum(b => b.Items.Count));
        Assert.All(finished, b => Assert.True(b.Succeeded));
    }

    [Fact]
    public void Sends_a_full_batch_at_once_without_waiting_for_the_end_of_input()
    {
        var sends = 0;
        var dispatcher = new BatchDispatcher<string, int>(3, 2, (batch, _) => { Interlocked.Increment(ref sends); return new TaskCompletionSource<int>().Task; }, CancellationToken.None);

        dispatcher.Add("a");
        dispatcher.Add("b");
        Assert.Equal(0, sends);
        dispatcher.Add("c");
        Assert.Equal(1, sends);
        Assert.Equal(1, dispatcher.InFlightCount);
    }

    [Fact]
    public void Calls_in_flight_carry_the_time_they_were_sent_by_the_clock_it_was_given()
    {
        var clock = new ManualClock();
        var dispatcher = new BatchDispatcher<string, int>(2, 2, (batch, _) => new TaskCompletionSource<int>().Task, CancellationToken.None, clock: new KooPhoneClock(clock));

        dispatcher.Add("a");
        dispatcher.Add("b");
        var firstSent = clock.UtcNow;
        clock.Advance(TimeSpan.FromMinutes(3));
        dispatcher.Add("c");
        dispatcher.Add("d");

        Assert.Equal(
            new[] { ("a", firstSent), ("b", firstSent), ("c", firstSent.AddMinutes(3)), ("d", firstSent.AddMinutes(3)) },
            dispatcher.InFlightItems.Select(f => (f.Item, f.SentAt)));
    }

    [Fact]
    public async Task Never_has_more_calls_in_flight_than_the_throttle_limit()
    {
        var inFlight = 0;
        var peak = 0;
        async Task<int> Send(IReadOnlyList<string> batch, CancellationToken token)
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Delay(15, token);
            Interlocked.Decrement(ref inFlight);
            return batch.Count;
        }

        var dispatcher = new BatchDispatcher<string, int>(10, 3, Send, CancellationToken.None);
        var answered = 0;
        await Task.Run(() =>
        {
            foreach (var id in Ids(300))
            {
                answered += dispatcher.Add(id).Sum(b => b.Items.Count);
            }

            answered += dispatcher.Complete().Sum(b => b.Items.Count);
        });

        Assert.Equal(3, peak);
        Assert.Equal(300, answered);
        Assert.Equal(30, dispatcher.BatchesSent);
    }

    [Fact]
    public void A_failed_batch_carries_its_items_and_error_and_the_others_go_on()
    {
        var dispatcher = new BatchDispatcher<string, int>(2, 2, (batch, _) =>
            batch.Contains("bad") ? Task.FromException<int>(new InvalidOperationException("rejected")) : Task.FromResult(batch.Count), CancellationToken.None);

        var finished = new List<CompletedBatch<string, int>>();
        foreach (var id in new[] { "a", "b", "bad", "c", "d" })
        {
            finished.AddRange(dispatcher.Add(id));
        }

        finished.AddRange(dispatcher.Complete());

        var failed = Assert.Single(finished, b => !b.Succeeded);
        Assert.Equal(new[] { "bad", "c" }, failed.Items);
        Assert.Equal("rejected", failed.Error!.Message);
        Assert.Equal(3, finished.Where(b => b.Succeeded).Sum(b => b.Items.Count));
    }

    [Fact]
    public void A_send_delegate_that_throws_at_once_becomes_a_failed_batch()
    {
        var dispatcher = new BatchDispatcher<string, int>(1, 1, (_, _) => throw new ArgumentException("boom"), CancellationToken.None);
        var finished = dispatcher.Add("a").Concat(dispatcher.Complete()).ToList();
        Assert.IsType<ArgumentException>(Assert.Single(finished).Error);
    }

    [Fact]
    public void Cancellation_ends_a_wait_for_a_call_that_never_answers()
    {
        using var stop = new CancellationTokenSource();
        var dispatcher = new BatchDispatcher<string, int>(1, 1, (_, _) => new TaskCompletionSource<int>().Task, stop.Token);
        dispatcher.Add("a");
        stop.CancelAfter(50);
        Assert.ThrowsAny<OperationCanceledException>(() => dispatcher.Add("b"));
    }

    [Fact]
    public void Complete_yields_each_batch_as_it_finishes()
    {
        var gates = new[] { new TaskCompletionSource<int>(), new TaskCompletionSource<int>() };
        var next = 0;
        var dispatcher = new BatchDispatcher<string, int>(1, 2, (_, _) => gates[next++].Task, CancellationToken.None);
        dispatcher.Add("a");
        dispatcher.Add("b");

        using var remaining = dispatcher.Complete().GetEnumerator();
        gates[1].SetResult(2);
        Assert.True(remaining.MoveNext());
        Assert.Equal("b", remaining.Current.Items[0]);
        gates[0].SetResult(1);
        Assert.True(remaining.MoveNext());
        Assert.Equal("a", remaining.Current.Items[0]);
        Assert.False(remaining.MoveNext());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Rejects_sizes_below_one(int batchSize, int throttle)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchDispatcher<string, int>(batchSize, throttle, (b, _) => Task.FromResult(0), CancellationToken.None));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
