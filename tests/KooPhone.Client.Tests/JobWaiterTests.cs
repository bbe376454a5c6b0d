using System.Security;
using KooPhone.Client.Api;
using KooPhone.Client.Auth;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;
using KooPhone.Client.Waiting;
using Xunit;

namespace KooPhone.Client.Tests;

public class JobWaiterTests
{
    private const string TaskName = "task1";

    private static string Job(string id, int status) =>
        $"{{\"job_id\":\"{id}\",\"status\":{status},\"error_code\":\"\",\"error_msg\":\"\",\"execute_msg\":\"\"}}";

    private static string Jobs(params string[] jobs) => ScriptedApiServer.Ok("{\"jobs\":[" + string.Join(",", jobs) + "]}");


    private static List<KooPhoneJobResult> Results(params string[] jobIds) =>
        jobIds.Select(j => new KooPhoneJobResult { InstanceId = "i-" + j, Operation = "BatchBackupInstances", TaskId = TaskName, JobId = j, Status = KooPhoneJobStatus.Submitted, SubmittedAt = DateTime.UtcNow }).ToList();

    [Theory]
    [InlineData(200, "{\"error_code\":\"0\",\"da")]   // garbage
    [InlineData(503, "{}")]                           // out of retries
    public async Task A_failed_poll_is_kept_on_its_results_and_the_next_round_asks_again(int status, string body)
    {
        using var server = new ScriptedApiServer((_, call) => call == 1 ? (status, body) : (200, Jobs(Job("a", 2), Job("b", 2))));
        var results = Results("a", "b");
        var waiter = new JobWaiter(server.CreateClient(), results, fallback: null, concurrency: 2);

        await waiter.PollOnceAsync(CancellationToken.None);
        Assert.All(results, r => Assert.StartsWith("The task query failed", r.LastPollError));
        Assert.All(results, r => Assert.Equal(KooPhoneJobStatus.Submitted, r.Status));
        Assert.False(waiter.IsDone);
        Assert.Contains("LastPollError", waiter.Describe());

        await waiter.PollOnceAsync(CancellationToken.None);
        Assert.True(waiter.IsDone);
        Assert.All(results, r => Assert.Equal(KooPhoneJobStatus.Succeeded, r.Status));
        Assert.All(results, r => Assert.Null(r.LastPollError));
        Assert.Equal(2, waiter.TaskQueries.Value);
        Assert.Equal(1, waiter.TaskCount);
    }

    [Fact]
    public async Task Duplicate_job_ids_in_an_answer_keep_the_ended_state()
    {
        using var server = new ScriptedApiServer((_, _) => (200, Jobs(Job("a", 1), Job("a", 2), Job("b", 2), Job("b", 1))));
        var results = Results("a", "b");
        var waiter = new JobWaiter(server.CreateClient(), results, fallback: null, concurrency: 1);

        await waiter.PollOnceAsync(CancellationToken.None);

        Assert.All(results, r => Assert.Equal(KooPhoneJobStatus.Succeeded, r.Status));
    }

    [Fact]
    public async Task A_job_the_answer_lacks_stays_pending_and_says_so()
    {
        using var server = new ScriptedApiServer((_, _) => (200, Jobs(Job("a", 2))));
        var results = Results("a", "b");
        var waiter = new JobWaiter(server.CreateClient(), results, fallback: null, concurrency: 1);

        await waiter.PollOnceAsync(CancellationToken.None);

        Assert.Equal(KooPhoneJobStatus.Succeeded, results[0].Status);
        Assert.Null(results[1].CompletedAt);
        Assert.Equal("The answer for task task1 did not list job b.", results[1].LastPollError);
    }

    [Fact]
    public async Task The_fallback_gets_only_the_pending_results_of_an_unknown_task()
    {
        using var server = new ScriptedApiServer((_, _) => (404, "{\"error_code\":\"KOOPHONE.API.1323\",\"error_msg\":\"task does not exist\"}"));
        var results = Results("a", "b", "c");
        var fallback = new RecordingFallback(finish: "i-a");
        var waiter = new JobWaiter(server.CreateClient(), results, fallback, concurrency: 1);

        await waiter.PollOnceAsync(CancellationToken.None);
        await waiter.PollOnceAsync(CancellationToken.None);

        Assert.Equal(new[] { "i-a", "i-b", "i-c" }, fallback.Rounds[0]);
        Assert.Equal(new[] { "i-b", "i-c" }, fallback.Rounds[1]);
        // The unknown task is asked once, not every round.
        Assert.Equal(1, waiter.TaskQueries.Value);
        Assert.Equal(2, waiter.StateReads.Value);
    }

    [Fact]
    public async Task A_failed_state_read_is_kept_on_its_results()
    {
        using var server = new ScriptedApiServer((_, _) => (404, "{\"error_code\":\"KOOPHONE.API.1323\",\"error_msg\":\"task does not exist\"}"));
        var results = Results("a");
        var waiter = new JobWaiter(server.CreateClient(), results, new RecordingFallback(finish: null, fail: true), concurrency: 1);

        await waiter.PollOnceAsync(CancellationToken.None);

        Assert.StartsWith("Reading the instances' state failed", results[0].LastPollError);
        Assert.False(waiter.IsDone);
    }

    // Results given to Add are kept packed while their jobs run and come back as equal results.
    private static JobWaiter Streaming(ScriptedApiServer server, IJobStatusFallback? fallback, params string[] jobIds)
    {
        var waiter = new JobWaiter(server.CreateClient(), Array.Empty<KooPhoneJobResult>(), fallback, concurrency: 2);
        waiter.Add(Results(jobIds));
        return waiter;
    }

    [Fact]
    public async Task Added_results_come_back_whole_when_their_jobs_end()
    {
        using var server = new ScriptedApiServer((_, call) => (200, call == 1 ? Jobs(Job("a", 2), Job("b", 1)) : Jobs(Job("a", 2), Job("b", 3))));
        var submitted = Results("a", "b");
        var waiter = new JobWaiter(server.CreateClient(), Array.Empty<KooPhoneJobResult>(), fallback: null, concurrency: 1);
        waiter.Add(submitted);

        await waiter.PollOnceAsync(CancellationToken.None);
        var first = waiter.TakeEnded();
        Assert.Equal(1, waiter.CountByStatus()[KooPhoneJobStatus.Running]);
        await waiter.PollOnceAsync(CancellationToken.None);
        var second = waiter.TakeEnded();

        var a = Assert.Single(first);
        Assert.Equal(("i-a", "a", "task1", "BatchBackupInstances", KooPhoneJobStatus.Succeeded), (a.InstanceId, a.JobId, a.TaskId, a.Operation, a.Status));
        Assert.Equal(submitted[0].SubmittedAt, a.SubmittedAt);
        Assert.NotNull(a.CompletedAt);
        var b = Assert.Single(second);
        Assert.Equal(("i-b", KooPhoneJobStatus.Failed), (b.InstanceId, b.Status));
        Assert.True(waiter.IsDone);
        Assert.Equal((2, 2), (waiter.Total, waiter.Finished));
    }

    [Fact]
    public async Task Added_results_still_running_at_the_end_keep_their_status_and_why_a_poll_failed()
    {
        using var server = new ScriptedApiServer((_, call) => call == 1 ? (200, Jobs(Job("a", 1))) : (503, "{}"));
        var waiter = Streaming(server, null, "a", "b");

        await waiter.PollOnceAsync(CancellationToken.None);
        Assert.Contains("could not read 1", waiter.Describe());
        await waiter.PollOnceAsync(CancellationToken.None);
        var rest = waiter.TakeRest().ToList();

        Assert.Equal(new[] { "i-a", "i-b" }, rest.Select(r => r.InstanceId).OrderBy(id => id));
        Assert.Equal(KooPhoneJobStatus.Running, rest.Single(r => r.JobId == "a").Status);
        Assert.All(rest, r => Assert.StartsWith("The task query failed", r.LastPollError));
        Assert.Equal((2, 2), (waiter.Total, waiter.Finished));
        Assert.True(waiter.IsDone);
    }

    [Fact]
    public async Task An_added_job_the_answer_lacks_says_so_when_handed_back()
    {
        using var server = new ScriptedApiServer((_, _) => (200, Jobs(Job("a", 1))));
        var waiter = Streaming(server, null, "a", "b");

        await waiter.PollOnceAsync(CancellationToken.None);
        var rest = waiter.TakeRest().ToList();

        Assert.Null(rest.Single(r => r.JobId == "a").LastPollError);
        Assert.Equal("The answer for task task1 did not list job b.", rest.Single(r => r.JobId == "b").LastPollError);
    }

    [Fact]
    public async Task Output_of_a_running_added_job_is_kept()
    {
        using var server = new ScriptedApiServer((_, call) => (200, call == 1
            ? Jobs("{\"job_id\":\"a\",\"status\":1,\"execute_msg\":\"half way\"}")
            : Jobs("{\"job_id\":\"a\",\"status\":2}")));
        var waiter = Streaming(server, null, "a");

        await waiter.PollOnceAsync(CancellationToken.None);
        await waiter.PollOnceAsync(CancellationToken.None);

        var a = Assert.Single(waiter.TakeEnded());
        Assert.Equal((KooPhoneJobStatus.Succeeded, "half way"), (a.Status, a.Output));
    }

    [Fact]
    public async Task Added_results_of_a_task_the_query_does_not_know_go_to_the_fallback()
    {
        using var server = new ScriptedApiServer((_, _) => (404, "{\"error_code\":\"KOOPHONE.API.1323\",\"error_msg\":\"task does not exist\"}"));
        var fallback = new RecordingFallback(finish: "i-a");
        var waiter = Streaming(server, fallback, "a", "b");

        await waiter.PollOnceAsync(CancellationToken.None);

        Assert.Equal(new[] { "i-a", "i-b" }, fallback.Rounds[0].OrderBy(id => id));
        Assert.Equal("i-a", Assert.Single(waiter.TakeEnded()).InstanceId);
        Assert.Equal(1, waiter.TaskQueries.Value);
    }

    [Fact]
    public async Task Results_added_while_a_round_runs_are_polled_from_the_next_round()
    {
        using var answering = new ManualResetEventSlim();
        using var server = new ScriptedApiServer((request, _) =>
        {
            answering.Wait(TimeSpan.FromSeconds(10));
            return (200, Jobs(Job("a", 2), Job("b", 2)));
        });
        var waiter = Streaming(server, null, "a");

        var round = waiter.PollOnceAsync(CancellationToken.None);
        waiter.Add(Results("b"));
        answering.Set();
        await round;
        Assert.Equal("i-a", Assert.Single(waiter.TakeEnded()).InstanceId);
        Assert.False(waiter.IsDone);

        await waiter.PollOnceAsync(CancellationToken.None);
        Assert.Equal("i-b", Assert.Single(waiter.TakeEnded()).InstanceId);
        Assert.Equal(2, waiter.Total);
    }

    [Fact]
    public void A_result_that_cannot_be_packed_is_held_as_it_is()
    {
        using var server = new ScriptedApiServer((_, _) => (200, Jobs()));
        var waiter = new JobWaiter(server.CreateClient(), Array.Empty<KooPhoneJobResult>(), fallback: null, concurrency: 1);
        var done = Results("a")[0];
        done.Status = KooPhoneJobStatus.Succeeded;
        done.CompletedAt = DateTime.UtcNow;
        var longId = Results(new string('x', 300))[0];

        waiter.Add(new[] { done, longId });

        Assert.Same(done, Assert.Single(waiter.TakeEnded()));
        Assert.Same(longId, Assert.Single(waiter.TakeRest()));
    }

    /// <summary>Records which instances each round reads, and finishes one of them.</summary>
    private sealed class RecordingFallback : IJobStatusFallback
    {
        private readonly string? _finish;
        private readonly bool _fail;

        public RecordingFallback(string? finish, bool fail = false)
        {
            _finish = finish;
            _fail = fail;
        }

        public List<string[]> Rounds { get; } = new();

        public Task UpdateAsync(KooPhoneApiClient api, IReadOnlyList<KooPhoneJobResult> pending, CallCount calls, CancellationToken cancellationToken)
        {
            calls.Add(1);
            Rounds.Add(pending.Select(r => r.InstanceId).ToArray());
            if (_fail)
            {
                throw new KooPhoneApiException("ListInstances", "KOOPHONE.API.9999", "broken", 500, "req", null, false);
            }

            foreach (var result in pending.Where(r => r.InstanceId == _finish))
            {
                result.Status = KooPhoneJobStatus.Succeeded;
                result.CompletedAt = DateTime.UtcNow;
            }

            return Task.CompletedTask;
        }
    }
}
