using System.Reflection;
using System.Text.RegularExpressions;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>
/// Every operation a batch cmdlet runs is declared once in BatchCalls, its descriptor beside
/// its API method: sending each declaration must make exactly the request its descriptor names
/// (method and path), or retries, reconciliation and the run record would follow the wrong one.
/// </summary>
public class BatchCallsTests
{
    private static readonly string[] Ids = { "phone1", "phone2" };
    private static readonly UserInstancePair[] Pairs = { new("user1", "phone1") };

    private static (KooPhoneOperation Operation, Func<KooPhoneApiClient, Task> Send) Declared<TItem, TResponse>(BatchCall<TItem, TResponse> call, IReadOnlyList<TItem> items) =>
        (call.Operation, api => call.SendAsync(api, items, CancellationToken.None));

    public static TheoryData<string> Names() => new(Every().Keys);

    private static Dictionary<string, (KooPhoneOperation Operation, Func<KooPhoneApiClient, Task> Send)> Every() => new()
    {
        ["Backup"] = Declared(BatchCalls.Backup, Ids),
        ["Reset"] = Declared(BatchCalls.Reset, Ids),
        ["Restart"] = Declared(BatchCalls.Restart, Ids),
        ["Remove"] = Declared(BatchCalls.Remove, Ids),
        ["StopSession"] = Declared(BatchCalls.StopSession, Ids),
        ["StopStreaming"] = Declared(BatchCalls.StopStreaming, Ids),
        ["Grant"] = Declared(BatchCalls.Grant, Pairs),
        ["Revoke"] = Declared(BatchCalls.Revoke, Pairs),
        ["Status"] = Declared(BatchCalls.Status, Ids),
        ["PrepareProgress"] = Declared(BatchCalls.PrepareProgress, Pairs),
        ["StartCommand"] = Declared(BatchCalls.StartCommand("ls"), Ids),
        ["InstallApp"] = Declared(BatchCalls.InstallApp(new AppPackage { PackageName = "com.example", FileName = "a.apk", Version = "1", SizeMB = "1", Url = "https://obs.example.com/a.apk" }), Ids),
        ["SetVideo"] = Declared(BatchCalls.SetVideo(new[] { new KooPhoneVideoSetting() }), Ids),
        ["RunCommand"] = Declared(BatchCalls.RunCommand("ls"), Ids),
        ["Prepare"] = Declared(BatchCalls.Prepare("user1"), Ids),
        ["Apps"] = Declared(BatchCalls.Apps(AppType.All), Ids),
        ["DeviceToken"] = Declared(BatchCalls.DeviceToken(null), Ids),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_declared_call_sends_the_request_its_operation_names(string name)
    {
        var (operation, send) = Every()[name];
        using var server = new ScriptedApiServer((_, _) => (400, "{\"error_code\":\"KOOPHONE.API.1000\",\"error_msg\":\"refused\"}"));

        await Assert.ThrowsAsync<KooPhoneApiException>(() => send(server.CreateClient()));

        var path = Assert.Single(server.Requests).Split('?')[0];
        var template = "^" + Regex.Replace(Regex.Escape(operation.Path), @"\\\{[a-z_]+}", "[^/]+") + "$";
        Assert.Matches(template, path);
        Assert.Equal(operation.Method.Method, Assert.Single(server.Methods));
    }

    [Fact]
    public void The_test_above_covers_every_declaration()
    {
        var declared = typeof(BatchCalls).GetMembers(BindingFlags.Public | BindingFlags.Static)
            .Where(m => (m as PropertyInfo)?.PropertyType.Name.StartsWith("BatchCall", StringComparison.Ordinal) == true
                || (m is MethodInfo method && !method.IsSpecialName && method.ReturnType.Name.StartsWith("BatchCall", StringComparison.Ordinal)))
            .Select(m => m.Name)
            .ToList();

        Assert.Equal(declared.OrderBy(n => n), Every().Keys.OrderBy(n => n));
    }
}
