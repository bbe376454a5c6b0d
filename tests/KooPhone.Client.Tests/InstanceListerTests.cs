using KooPhone.Client.Api;
using KooPhone.Client.Models;
using Xunit;

namespace KooPhone.Client.Tests;

public class InstanceListerTests
{
    // A fleet of `fleet` instances served 100 a page, with or without its total.
    private static ScriptedApiServer Fleet(int fleet, bool reportTotal) => new((path, _) =>
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), path).Query);
        var page = int.Parse(query["page_no"]!);
        var size = int.Parse(query["page_size"]!);
        var count = Math.Max(0, Math.Min(size, fleet - (page - 1) * size));
        var records = Enumerable.Range((page - 1) * size, count).Select(i => $"{{\"instance_id\":\"i{i}\"}}");
        var total = reportTotal ? $",\"total_count\":{fleet}" : "";
        return (200, ScriptedApiServer.Ok($"{{\"page_no\":{page},\"page_size\":{size}{total},\"result\":[" + string.Join(",", records) + "]}"));
    });

    [Theory]
    [InlineData(250, true, 3)]    // the total names the last page
    [InlineData(300, true, 3)]    // ... also when that page is full
    [InlineData(300, false, 4)]   // without a total, the page after a full one is asked for and comes back empty
    public async Task Pages_come_in_order_and_paging_stops_where_the_fleet_ends(int fleet, bool reportTotal, int expectedCalls)
    {
        using var server = Fleet(fleet, reportTotal);
        var lister = new InstanceLister(server.CreateClient(), concurrency: 3);

        var ids = new List<string>();
        await foreach (var page in lister.ReadPagesAsync(InstanceQuery.All, InstanceLister.MaxPageSize, CancellationToken.None))
        {
            ids.AddRange(page.Instances.Select(i => i.InstanceId));
        }

        Assert.Equal(Enumerable.Range(0, fleet).Select(i => "i" + i), ids);
        Assert.Equal(expectedCalls, server.Requests.Count);
    }

    [Fact]
    public void The_blocking_reader_hands_out_the_same_pages()
    {
        using var server = Fleet(250, reportTotal: true);
        var lister = new InstanceLister(server.CreateClient(), concurrency: 2);

        var pages = lister.ReadPages(InstanceQuery.All, InstanceLister.MaxPageSize, CancellationToken.None, startPage: 2).ToList();

        Assert.Equal(new[] { 2, 3 }, pages.Select(p => p.PageNo));
        Assert.Equal(Enumerable.Range(100, 150).Select(i => "i" + i), pages.SelectMany(p => p.Instances).Select(i => i.InstanceId));
    }
}
