using System.Collections.Concurrent;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Runs;
using KooPhone.Client.Waiting;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>
/// The engine's run stopped at each hand-off of a batch (issue: "a stop at any moment leaves a
/// true record"): whatever the moment, every id taken is in the run record exactly once, as a
/// result, an error, Unknown or NotSent, and every id the fake service acted on is there as a
/// result or Unknown, never as NotSent or a plain error.
/// </summary>
public class BatchRunStopTests
{
    public enum StopPoint
    {
        /// <summary>Before the call that the 10th id fills goes out.</summary>
        BeforeSend,

        /// <summary>While the first call is in flight and the service has not acted.</summary>
        InFlight,

        /// <summary>After the service acted on the first call, before its answer.</summary>
        ActedNoAnswer,

        /// <summary>The answer arrives just after the stop, before the run took it in.</summary>
        AnswerRacesStop,

        /// <summary>While the settler resends a call refused for one culprit.</summary>
        WhileSettling,

        /// <summary>While the host writes the first call's results (the pipeline stops under it).</summary>
        WhileRecording,

        /// <summary>While -Wait follows the results.</summary>
        WhileWaiting,
    }

    private sealed class FakeService
    {
        public ConcurrentDictionary<string, bool> Acted { get; } = new();

        /// <summary>Every id a call carried to the service.</summary>
        public ConcurrentDictionary<string, bool> Sent { get; } = new();

        public int Calls;

        public Func<int, IReadOnlyList<string>, CancellationToken, Task<ActionReceipt>> Behaviour { get; set; } = (_, ids, _) => Task.FromResult(Receipt());

        public static ActionReceipt Receipt() => new(KooPhoneOperation.DeleteInstance, "req", DateTime.UtcNow, null);

        public Task<ActionReceipt> SendAsync(IReadOnlyList<string> ids, CancellationToken ct)
        {
            foreach (var id in ids)
                Sent[id] = true;
            return Behaviour(Interlocked.Increment(ref Calls), ids, ct);
        }

        public void Act(IEnumerable<string> ids)
        {
            foreach (var id in ids)
                Acted[id] = true;
        }
    }

    /// <summary>A -Wait that never sees its results end.</summary>
    private sealed class EndlessWaiter : IStreamingWaiter<KooPhoneActionResult>
    {
        private readonly List<KooPhoneActionResult> _items = new();

        public int Total => _items.Count;

        public int Finished => 0;

        public bool IsDone => false;

        public string Describe() => "waiting";

        public string DescribeCost() => "";

        public Task PollOnceAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

        public void Add(IEnumerable<KooPhoneActionResult> items) => _items.AddRange(items);

        public IReadOnlyList<KooPhoneActionResult> TakeEnded() => Array.Empty<KooPhoneActionResult>();

        public IEnumerable<KooPhoneActionResult> TakeRest() => _items;
    }

    private sealed class HostStopped : Exception
    {
    }

    private static List<string> Ids(int count) => Enumerable.Range(1, count).Select(i => "phone" + i).ToList();

    [Theory]
    [InlineData(StopPoint.BeforeSend, 1)]
    [InlineData(StopPoint.InFlight, 1)]
    [InlineData(StopPoint.InFlight, 2)]
    [InlineData(StopPoint.ActedNoAnswer, 1)]
    [InlineData(StopPoint.ActedNoAnswer, 2)]
    [InlineData(StopPoint.AnswerRacesStop, 1)]
    [InlineData(StopPoint.WhileSettling, 1)]
    [InlineData(StopPoint.WhileRecording, 2)]
    [InlineData(StopPoint.WhileWaiting, 2)]
    public async Task A_stop_at_any_hand_off_records_every_id_taken_once_and_every_id_acted_on(StopPoint point, int throttleLimit)
    {
        using var server = new ScriptedApiServer((_, _) => (500, "{}"));
        var api = server.CreateClient();
        var service = new FakeService();
        using var stop = new CancellationTokenSource();
        var released = new TaskCompletionSource();
        var taken = new List<string>();
        var follow = point == StopPoint.WhileWaiting;
        var ids = Ids(25);

        // The host writes what the run hands back; for WhileRecording its pipeline stops under the first result.
        var outputs = 0;
        void Write(RunEvent e)
        {
            if (e.Kind == RunEventKind.Output && point == StopPoint.WhileRecording && ++outputs == 3)
            {
                stop.Cancel();
                throw new HostStopped();
            }
        }

        // What the fake service does with each call, by stop point.
        service.Behaviour = (call, batch, ct) => point switch
        {
            StopPoint.InFlight when call == 1 => Hang(ct),
            StopPoint.ActedNoAnswer when call == 1 => ActThenHang(batch, ct),
            StopPoint.AnswerRacesStop when call == 1 => ActThenAnswerAfterStop(batch),
            StopPoint.WhileSettling when call == 1 => Task.FromException<ActionReceipt>(new KooPhoneApiException("DeleteInstance", "KOOPHONE.API.4001", "instance " + batch[0] + " not found", 400, "req")),
            StopPoint.WhileSettling when call == 2 => ActThenHang(batch, ct),
            _ => ActAndAnswer(batch),
        };

        async Task<ActionReceipt> Hang(CancellationToken ct)
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        }

        Task<ActionReceipt> ActThenHang(IReadOnlyList<string> batch, CancellationToken ct)
        {
            service.Act(batch);
            return Hang(ct);
        }

        async Task<ActionReceipt> ActThenAnswerAfterStop(IReadOnlyList<string> batch)
        {
            service.Act(batch);
            await released.Task;
            return FakeService.Receipt();
        }

        Task<ActionReceipt> ActAndAnswer(IReadOnlyList<string> batch)
        {
            service.Act(batch);
            return Task.FromResult(FakeService.Receipt());
        }

        var call = new BatchCall<string, ActionReceipt>(
            KooPhoneOperation.DeleteInstance, ResultKind.Actions, id => new InstanceTarget(id), (_, batch, ct) => service.SendAsync(batch, ct),
            (batch, receipt) => batch.Select(id => ItemResult.Of(new InstanceTarget(id), BatchCalls.Accepted(id, receipt))));
        var options = new RunOptions<string>
        {
            Command = "Test-Stop", ActionName = "Delete", ItemsPerCall = 10, ThrottleLimit = throttleLimit,
            Follower = follow ? new RunFollower<KooPhoneActionResult>(new EndlessWaiter(), "waiting", new PollPacer(api.Clock, TimeSpan.FromHours(1)), r => r.InstanceId, stop.Token) : null,
        };
        var run = new BatchRun<string, ActionReceipt>(api, call, options, stop.Token);

        // Stop points the host reaches while taking ids.
        bool StopsBefore(int index) => point switch
        {
            StopPoint.BeforeSend => index == 9,
            StopPoint.InFlight or StopPoint.ActedNoAnswer or StopPoint.WhileSettling => index == 15,
            StopPoint.AnswerRacesStop => index == 15,
            _ => false,
        };

        try
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (StopsBefore(i))
                {
                    if (point != StopPoint.BeforeSend)
                        await Until.Holds(() => service.Calls >= (point == StopPoint.WhileSettling ? 2 : 1) && (point == StopPoint.InFlight || !service.Acted.IsEmpty), "the call reached the service");
                    stop.Cancel();
                    released.TrySetResult();
                }

                if (run.Admit(ids[i], ids[i]))
                {
                    taken.Add(ids[i]);
                    run.Take(ids[i]);
                }

                foreach (var e in run.TakeEvents())
                    Write(e);
            }

            var completing = Task.Run(() =>
            {
                foreach (var e in run.Complete())
                {
                    Write(e);
                    if (follow && e.Kind == RunEventKind.Idle)
                        stop.Cancel();
                }
            });
            await completing.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
        }
        catch (HostStopped)
        {
        }
        finally
        {
            released.TrySetResult();
            run.Dispose();
        }

        var entries = RunRecords.EntriesOf(run.Record).ToList();
        Assert.True(stop.IsCancellationRequested, "the run was stopped");
        Assert.Equal(taken.OrderBy(x => x), entries.Select(e => e.InstanceId).OrderBy(x => x));
        Assert.Equal(entries.Count, entries.Select(e => e.InstanceId).Distinct().Count());
        foreach (var acted in service.Acted.Keys)
        {
            var entry = entries.Single(e => e.InstanceId == acted);
            Assert.True(entry.Outcome is RunOutcome.Result or RunOutcome.Unknown, $"{acted}, acted on, is recorded as {entry.Outcome}");
        }

        // An id no call carried was not sent; one a call carried may have been acted on.
        Assert.All(entries, e => Assert.Equal(!service.Sent.ContainsKey(e.InstanceId), e.Outcome == RunOutcome.NotSent));
        if (point == StopPoint.BeforeSend)
            Assert.Equal(10, entries.Count(e => e.Outcome == RunOutcome.NotSent));
        Assert.All(entries.Where(e => !service.Acted.ContainsKey(e.InstanceId)), e => Assert.NotEqual(RunOutcome.Result, e.Outcome));
    }

    [Fact]
    public async Task A_stop_while_the_state_is_read_ahead_of_a_delete_leaves_its_ids_NotSent()
    {
        // The read ahead of the delete (BatchShowInstance) hangs until the run is stopped.
        using var reading = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var server = new ScriptedApiServer((_, _) =>
        {
            reading.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            return (500, "{}");
        });
        var api = server.CreateClient();
        var service = new FakeService();
        using var stop = new CancellationTokenSource();
        var call = new BatchCall<string, ActionReceipt>(
            KooPhoneOperation.DeleteInstance, ResultKind.Actions, id => new InstanceTarget(id), (_, batch, ct) => service.SendAsync(batch, ct),
            (batch, receipt) => batch.Select(id => ItemResult.Of(new InstanceTarget(id), BatchCalls.Accepted(id, receipt))));
        var run = new BatchRun<string, ActionReceipt>(api, call, new RunOptions<string> { Command = "Test-Stop", ActionName = "Delete", ItemsPerCall = 10, ThrottleLimit = 1 }, stop.Token);

        try
        {
            foreach (var id in Ids(10))
            {
                if (run.Admit(id, id))
                    run.Take(id);
            }

            await Until.Holds(() => reading.IsSet, "the read ahead of the delete reached the service");
            stop.Cancel();
            await Task.Run(() => run.Complete().ToList()).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            release.Set();
            run.Dispose();
        }

        var entries = RunRecords.EntriesOf(run.Record).ToList();
        Assert.Empty(service.Sent);
        Assert.Equal(10, entries.Count);
        Assert.All(entries, e => Assert.Equal(RunOutcome.NotSent, e.Outcome));
    }
}
