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

    private static KooPhoneApiClient Client(ScriptedApiServer server)
    {
        var token = new SecureString();
        foreach (var c in "test-token") token.AppendChar(c);
        var options = new KooPhoneConnectionOptions { MaxRetryCount = 0, AttemptTimeout = TimeSpan.FromSeconds(5), TotalTimeout = TimeSpan.FromSeconds(10) };
        return new KooPhoneApiClient(new KooPhoneContext(server.Endpoint, "", new TokenAuthenticator(token), KooPhoneContextSource.Connected, options));
    }

    private static List<KooPhoneJobResult> Results(params string[] jobIds) =>
        jobIds.Select(j => new KooPhoneJobResult { InstanceId = "i-" + j, Operation = "BatchBackupInstances", TaskId = TaskName, JobId = j, Status = KooPhoneJobStatus.Submitted, SubmittedAt = DateTime.UtcNow }).ToList();

    [Theory]
    [InlineData(200, "{\"error_code\":\"0\",\"da")]   // garbage
    [InlineData(503, "{}")]                           // out of retries
    public async Task A_failed_poll_is_kept_on_its_results_and_the_next_round_asks_again(int status, string body)
    {
        using var server = new ScriptedApiServer((_, call) => call == 1 ? (status, body) : (200, Jobs(Job("a", 2), Job("b", 2))));
        var results = Results("a", "b");
        var waiter = new JobWaiter(Client(server), results, fallback: null, concurrency: 2);

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
        var waiter = new JobWaiter(Client(server), results, fallback: null, concurrency: 1);

        await waiter.PollOnceAsync(CancellationToken.None);

        Assert.All(results, r => Assert.Equal(KooPhoneJobStatus.Succeeded, r.Status));
    }

    [Fact]
    public async Task A_job_the_answer_lacks_stays_pending_and_says_so()
    {
        using var server = new ScriptedApiServer((_, _) => (200, Jobs(Job("a", 2))));
        var results = Results("a", "b");
        var waiter = new JobWaiter(Client(server), results, fallback: null, concurrency: 1);

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
        var waiter = new JobWaiter(Client(server), results, fallback, concurrency: 1);

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
        var waiter = new JobWaiter(Client(server), results, new RecordingFallback(finish: null, fail: true), concurrency: 1);

        await waiter.PollOnceAsync(CancellationToken.None);

        Assert.StartsWith("Reading the instances' state failed", results[0].LastPollError);
        Assert.False(waiter.IsDone);
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
