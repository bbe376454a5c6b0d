using System.Security;
using KooPhone.Client.Api;
using KooPhone.Client.Auth;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>The engine's API methods: what each returns and how it pages, against a scripted service.</summary>
public class ApiClientTests
{

    [Fact]
    public async Task Instance_status_names_the_call_that_read_it()
    {
        using var server = new ScriptedApiServer((_, _) => (200, ScriptedApiServer.Ok("{\"status_results\":[{\"instance_id\":\"a\",\"status\":1},{\"instance_id\":\"b\",\"status\":3}]}")));
        server.AnswerHeaders["X-Request-Id"] = "service-side-id";

        var statuses = await server.CreateClient().ShowInstanceStatusAsync(new[] { "a", "b" }, CancellationToken.None);

        Assert.Equal(new[] { "a", "b" }, statuses.Select(s => s.InstanceId));
        Assert.Equal(new[] { 1, 3 }, statuses.Select(s => s.StatusCode));
        Assert.Equal(new[] { (InstanceRunStatus)1, (InstanceRunStatus)3 }, statuses.Select(s => s.RunStatus));
        var sent = Assert.Single(server.RequestIds);
        Assert.All(statuses, s => Assert.Equal(sent, s.RequestId));
        Assert.All(statuses, s => Assert.Equal("service-side-id", s.ServiceRequestId));
    }

    [Theory]
    [InlineData(400, true, 2)]    // a total: paging stops once it is read, although the last page was full
    [InlineData(400, false, 3)]   // no total: a full page asks for the next, which comes back empty
    [InlineData(450, false, 3)]   // no total: paging stops at the short page
    public async Task Apps_are_paged_until_the_total_or_a_short_page(int apps, bool reportTotal, int expectedCalls)
    {
        var pageSize = KooPhoneApiClient.MaxAppPageSize;
        using var server = new ScriptedApiServer((path, _) =>
        {
            var page = int.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), path).Query)["page_no"]!);
            var count = Math.Max(0, Math.Min(pageSize, apps - (page - 1) * pageSize));
            var records = Enumerable.Range((page - 1) * pageSize, count).Select(i => $"{{\"app_pkg\":\"com.app{i}\"}}");
            var total = reportTotal ? $",\"total_count\":{apps}" : "";
            return (200, ScriptedApiServer.Ok("{\"result\":[" + string.Join(",", records) + "]" + total + "}"));
        });

        var listed = await server.CreateClient().ListAppsAsync("i1", AppType.ThirdParty, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, apps).Select(i => "com.app" + i), listed.Select(a => a.PackageName));
        Assert.All(listed, a => Assert.Equal("i1", a.InstanceId));
        Assert.Equal(expectedCalls, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Contains("app_type=2", r));
    }

    [Fact]
    public async Task All_apps_leave_the_type_filter_out()
    {
        using var server = new ScriptedApiServer((_, _) => (200, ScriptedApiServer.Ok("{\"result\":[]}")));

        await server.CreateClient().ListAppsAsync("i1", AppType.All, CancellationToken.None);

        Assert.DoesNotContain("app_type", Assert.Single(server.Requests));
    }
}
