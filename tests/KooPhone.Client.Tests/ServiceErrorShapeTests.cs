using System.Net;
using System.Text;
using KooPhone.Client.Api;
using KooPhone.Client.Auth;
using KooPhone.Client.Http;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>The error shapes of KooPhone, the gateway and IAM, the request ids beside them, and the project lookup.</summary>
public class ServiceErrorShapeTests
{
    private static ApiResponse Response(int status, string body, string? answeredRequestId = null) =>
        new(KooPhoneOperation.BatchBackupInstances, status, Encoding.UTF8.GetBytes(body), "application/json", "sent-1", 1, answeredRequestId);

    [Theory]
    [InlineData("""{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information","request_id":"gw-9"}""", "APIGW.0301", "Incorrect IAM authentication information")]
    [InlineData("""{"code":"IAM.0001","message":"The request you have made requires authentication."}""", "IAM.0001", "The request you have made requires authentication.")]
    [InlineData("""{"error":{"code":403,"message":"You do not have permission.","title":"Forbidden"}}""", "IAM.403", "You do not have permission.")]
    [InlineData("""{"error":{"code":"1100","title":"Unauthorized"}}""", "IAM.1100", "Unauthorized")]
    public void Reads_each_shape_as_the_code_and_message(string body, string code, string message)
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(403, body), KooPhoneJson.Options));
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(message, e.ErrorMessage);
        Assert.Equal("sent-1", e.RequestId);
    }

    [Fact]
    public void Keeps_the_sent_id_and_adds_the_gateway_body_id_as_the_service_request_id()
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(401, """{"error_code":"APIGW.0301","error_msg":"x","request_id":"gw-9"}"""), KooPhoneJson.Options));
        Assert.Equal("sent-1", e.RequestId);
        Assert.Equal("gw-9", e.ServiceRequestId);
        Assert.Contains("service request id gw-9", e.Message);
    }

    [Theory]
    [InlineData("other-7", "other-7")]
    [InlineData("sent-1", null)]
    [InlineData("SENT-1", null)]
    [InlineData(null, null)]
    public void Names_the_answered_id_only_when_it_differs(string? answered, string? expected)
    {
        Assert.Equal(expected, Response(200, "{}", answered).ServiceRequestId);
    }

    [Fact]
    public void Describes_the_host_in_the_user_agent_without_breaking_its_grammar()
    {
        KooPhoneUserAgent.Describe("0.1.0", "Core", "7.4.6");
        Assert.Equal("KooPhone/0.1.0 PowerShell/7.4.6 (Core)", KooPhoneUserAgent.Value);
        KooPhoneUserAgent.Describe("0.1.0", "Desktop (x)", "5.1 19041");
        Assert.Equal("KooPhone/0.1.0 PowerShell/5.1-19041 (Desktop--x-)", KooPhoneUserAgent.Value);
    }

    [Fact]
    public async Task Looks_the_project_up_once_for_many_concurrent_calls_and_signs_without_a_project()
    {
        var iam = new FakeHandler((request, _, _) =>
        {
            Assert.Equal("/v3/projects", request.RequestUri!.AbsolutePath);
            Assert.Equal("?name=cn-north-4", request.RequestUri.Query);
            return Task.FromResult(FakeHandler.Json(HttpStatusCode.OK, """{"projects":[{"id":"p-1","name":"cn-north-4"}]}"""));
        });
        var lookup = new ProjectLookup(new Uri("https://iam.example.com"), "cn-north-4", new HttpClient(iam));
        using var auth = new AccessKeyAuthenticator("ak", SecretText.Protect("sk"), null, projectLookup: lookup);
        Assert.Null(auth.ProjectId);

        var requests = Enumerable.Range(0, 8).Select(_ => new HttpRequestMessage(HttpMethod.Get, "https://k.example.com/v1/x")).ToList();
        await Task.WhenAll(requests.Select(r => auth.AuthenticateAsync(r, CancellationToken.None)));

        Assert.Single(iam.Attempts);
        Assert.False(iam.Attempts[0].Headers.ContainsKey("X-Project-Id"));
        Assert.Contains("SDK-HMAC-SHA256", iam.Attempts[0].Headers["Authorization"]);
        Assert.Equal("p-1", auth.ProjectId);
        Assert.All(requests, r => Assert.Equal("p-1", r.Headers.GetValues("X-Project-Id").Single()));
    }

    [Theory]
    [InlineData("""{"projects":[]}""", KooPhoneErrorCodes.NoProjectForRegion)]
    [InlineData("""{"projects":[{"id":"p-1","name":"cn-north-4"},{"id":"p-2","name":"cn-north-4"}]}""", KooPhoneErrorCodes.SeveralProjectsForRegion)]
    public async Task Refuses_none_or_several_projects_and_asks_again_next_time(string body, string code)
    {
        var iam = new FakeHandler((_, _, _) => Task.FromResult(FakeHandler.Json(HttpStatusCode.OK, body)));
        var lookup = new ProjectLookup(new Uri("https://iam.example.com"), "cn-north-4", new HttpClient(iam));
        using var auth = new AccessKeyAuthenticator("ak", SecretText.Protect("sk"), null, projectLookup: lookup);

        var e = await Assert.ThrowsAsync<KooPhoneApiException>(() => auth.ResolveProjectAsync(null, CancellationToken.None));
        Assert.Equal(code, e.ErrorCode);
        await Assert.ThrowsAsync<KooPhoneApiException>(() => auth.ResolveProjectAsync(null, CancellationToken.None));
        Assert.Equal(2, iam.Attempts.Count);
    }

    [Fact]
    public async Task Reads_an_iam_refusal_of_the_lookup_in_iam_shape_without_the_secret_key()
    {
        var iam = new FakeHandler((_, _, _) => Task.FromResult(FakeHandler.Json(HttpStatusCode.Forbidden, """{"error":{"code":403,"message":"Policy doesn't allow iam:projects:listProjects.","title":"Forbidden"}}""")));
        var lookup = new ProjectLookup(new Uri("https://iam.example.com"), "cn-north-4", new HttpClient(iam));
        using var auth = new AccessKeyAuthenticator("ak", SecretText.Protect("the-secret-key"), null, projectLookup: lookup);

        var e = await Assert.ThrowsAsync<KooPhoneApiException>(() => auth.ResolveProjectAsync(null, CancellationToken.None));
        Assert.Equal("IAM.403", e.ErrorCode);
        Assert.Contains("listProjects", e.ErrorMessage);
        Assert.DoesNotContain("the-secret-key", e.ToString());
        Assert.Single(iam.Attempts);
    }
}
