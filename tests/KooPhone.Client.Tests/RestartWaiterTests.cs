using System.Security;
using KooPhone.Client.Api;
using KooPhone.Client.Auth;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;
using KooPhone.Client.Waiting;
using Xunit;

namespace KooPhone.Client.Tests;

public class RestartWaiterTests
{
    private static string Statuses(params (string Id, int Status)[] statuses) =>
        ScriptedApiServer.Ok("{\"status_results\":[" + string.Join(",", statuses.Select(s => $"{{\"instance_id\":\"{s.Id}\",\"status\":{s.Status}}}")) + "]}");

    private static RestartWaiter Waiter(ScriptedApiServer server, params string[] ids)
    {
        var waiter = new RestartWaiter(server.CreateClient(), concurrency: 2);
        waiter.Add(ids.Select(id => new KooPhoneActionResult { InstanceId = id, Operation = "BatchRebootInstance" }));
        return waiter;
    }

    [Fact]
    public async Task A_restart_ends_only_once_the_instance_was_seen_out_of_Running_and_back()
    {
        // Running (nothing seen yet), Starting (down), Running again (restarted).
        using var server = new ScriptedApiServer((_, call) => (200, Statuses(("a", call == 2 ? 4 : 2))));
        var waiter = Waiter(server, "a");

        await waiter.PollOnceAsync(CancellationToken.None);
        Assert.Empty(waiter.TakeEnded());
        await waiter.PollOnceAsync(CancellationToken.None);
        Assert.Empty(waiter.TakeEnded());
        await waiter.PollOnceAsync(CancellationToken.None);

        var a = Assert.Single(waiter.TakeEnded());
        Assert.Equal(RestartStatus.Restarted, a.Status);
        Assert.True(waiter.IsDone);
    }

    [Fact]
    public async Task Silence_is_never_a_restart_and_an_unknown_status_is_no_news()
    {
        using var server = new ScriptedApiServer((_, _) => (200, Statuses(("a", 2), ("b", 0), ("c", 5))));
        var waiter = Waiter(server, "a", "b", "c", "d");

        await waiter.PollOnceAsync(CancellationToken.None);
        await waiter.PollOnceAsync(CancellationToken.None);
        var rest = waiter.TakeRest().ToDictionary(r => r.InstanceId);

        Assert.Equal(RestartStatus.NotSeen, rest["a"].Status);
        Assert.Equal(RestartStatus.NotSeen, rest["b"].Status);
        Assert.Equal(RestartStatus.NotBack, rest["c"].Status);
        Assert.Contains("ShutDown", rest["c"].Evidence);
        // An instance the answer does not list is unread, and says so.
        Assert.Equal(RestartStatus.NotSeen, rest["d"].Status);
        Assert.Contains("did not list", rest["d"].Evidence);
        Assert.Equal((4, 4), (waiter.Total, waiter.Finished));
    }

    [Fact]
    public async Task A_failed_status_query_is_kept_and_the_next_round_asks_again()
    {
        using var server = new ScriptedApiServer((_, call) => call == 1 ? (200, "{\"error_code\":\"0\",\"da") : (200, Statuses(("a", 4))));
        var waiter = Waiter(server, "a");

        await waiter.PollOnceAsync(CancellationToken.None);
        Assert.Contains("could not read 1", waiter.Describe());
        await waiter.PollOnceAsync(CancellationToken.None);

        Assert.Contains("1 restarting now", waiter.Describe());
        Assert.Equal(2, waiter.StatusQueries.Value);
    }
}
