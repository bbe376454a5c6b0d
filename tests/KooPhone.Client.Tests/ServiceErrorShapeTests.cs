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
    [InlineData("""{"errorCode":"KP.0042","errorMsg":"The name is already used."}""", "KP.0042", "The name is already used.")]
    [InlineData("""{"code":"IAM.0001","message":"The request you have made requires authentication."}""", "IAM.0001", "The request you have made requires authentication.")]
    [InlineData("""{"error":{"code":403,"message":"You do not have permission.","title":"Forbidden"}}""", "403", "You do not have permission.")]
    [InlineData("""{"error":{"code":"1100","title":"Unauthorized"}}""", "1100", "Unauthorized")]
    [InlineData("""{"error":{"code":"APIGW.0302","message":"The IAM user is not authorized to access the API."}}""", "APIGW.0302", "The IAM user is not authorized to access the API.")]
    [InlineData("""{"result":{"error":{"error_code":"KP.0043","error_msg":"deep"}}}""", "KP.0043", "deep")]
    [InlineData("""{"error_code":"KP.0044","message":"mixed"}""", "KP.0044", "mixed")]
    public void Reads_each_shape_as_the_code_and_message_the_service_wrote(string body, string code, string message)
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(403, body), KooPhoneJson.Options));
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(message, e.ErrorMessage);
        Assert.Equal("sent-1", e.RequestId);
        Assert.Contains($"failed with {code}: {message} (HTTP 403, request id sent-1", e.Message);
    }

    [Fact]
    public void Keeps_the_encoded_authorization_message_and_the_details_of_a_policy_denial()
    {
        var body = """{"error_code":"APIGW.0302","error_msg":"The IAM user is not authorized to access the API.","request_id":"sent-1","encoded_authorization_message":"Egpjbi1ub3J0aC00Gg==","details":[{"error_code":"IAM.0103","error_msg":"Policy doesn't allow kp:instances:backup."},{"code":"X.1","message":"second"},"third"]}""";
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(403, body), KooPhoneJson.Options));

        Assert.Equal("APIGW.0302", e.ErrorCode);
        Assert.Equal("Egpjbi1ub3J0aC00Gg==", e.EncodedAuthorizationMessage);
        Assert.Equal(new[] { "IAM.0103", "X.1", null }, e.Details.Select(d => d.ErrorCode));
        Assert.Equal(new[] { "Policy doesn't allow kp:instances:backup.", "second", "third" }, e.Details.Select(d => d.ErrorMessage));
        Assert.Null(e.ServiceRequestId);
        Assert.Contains("Details: IAM.0103: Policy doesn't allow kp:instances:backup; X.1: second; third.", e.Message);
        Assert.EndsWith("Encoded authorization message: Egpjbi1ub3J0aC00Gg==", e.Message);

        var copy = e.Copy();
        Assert.Equal(e.Message, copy.Message);
        Assert.Equal(e.EncodedAuthorizationMessage, copy.EncodedAuthorizationMessage);
        Assert.Equal(3, copy.Details.Count);
    }

    [Fact]
    public void Reads_the_encoded_authorization_message_inside_a_nested_error()
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(
            Response(403, """{"error":{"code":"APIGW.0302","message":"denied","encoded_authorization_message":"QUJD"}}"""), KooPhoneJson.Options));
        Assert.Equal("APIGW.0302", e.ErrorCode);
        Assert.Equal("QUJD", e.EncodedAuthorizationMessage);
        Assert.Empty(e.Details);
    }

    [Fact]
    public void Names_at_most_five_details_in_the_message_and_keeps_them_all()
    {
        var details = string.Join(",", Enumerable.Range(1, 7).Select(n => $$"""{"error_code":"D.{{n}}","error_msg":"m{{n}}"}"""));
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(400, $$"""{"error_code":"KP.1","error_msg":"x","details":[{{details}}]}"""), KooPhoneJson.Options));
        Assert.Equal(7, e.Details.Count);
        Assert.Contains("D.5: m5; and 2 more.", e.Message);
        Assert.DoesNotContain("D.6", e.Message);
    }

    [Theory]
    [InlineData("""{"status":"failed","reason":"quota exceeded"}""", """{"status":"failed","reason":"quota exceeded"}""")]
    [InlineData("upstream connect error or disconnect/reset before headers", "upstream connect error or disconnect/reset before headers")]
    [InlineData("  line one\r\n\tline two  ", "line one line two")]
    [InlineData("""{"error":{"code":"KP.9"}}""", """{"error":{"code":"KP.9"}}""")]
    public void Keeps_a_body_in_no_shape_as_the_message_trimmed_to_one_line(string body, string message)
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(400, body), KooPhoneJson.Options));
        Assert.Equal(message, e.ErrorMessage);
    }

    [Fact]
    public void A_body_in_no_shape_without_a_code_is_reported_under_the_status()
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(400, "plain words"), KooPhoneJson.Options));
        Assert.Equal("HTTP.400", e.ErrorCode);
        Assert.Equal("plain words", e.ErrorMessage);
    }

    [Fact]
    public void Cuts_a_long_raw_body_at_500_characters_and_says_how_long_it_was()
    {
        var body = new string('x', 2000);
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(502, body), KooPhoneJson.Options));
        Assert.Equal(new string('x', 500) + "... (2000 bytes in all)", e.ErrorMessage);
    }

    [Fact]
    public void An_empty_error_body_gives_no_message()
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(503, ""), KooPhoneJson.Options));
        Assert.Equal("HTTP.503", e.ErrorCode);
        Assert.Null(e.ErrorMessage);
    }

    [Theory]
    [InlineData("""{"data":{"error_code":"0","task_id":"t"}}""")]
    [InlineData("""{"data":{"nested":{"error_code":"0"}},"error_msg":"ok"}""")]
    public void At_http_200_a_code_deep_in_the_data_never_passes_for_success(string body)
    {
        var e = Assert.Throws<KooPhoneApiException>(() => ResponseEnvelope.EnsureSuccess(Response(200, body), KooPhoneJson.Options));
        Assert.Equal(KooPhoneErrorCodes.MalformedResponse, e.ErrorCode);
        Assert.True(e.OutcomeUnknown);
    }

    [Fact]
    public async Task An_iam_refusal_carries_the_trace_id_and_the_code_as_iam_wrote_it()
    {
        var iam = new FakeHandler((_, _, _) =>
        {
            var answer = FakeHandler.Json(HttpStatusCode.Unauthorized, """{"error":{"code":"APIGW.0301","message":"Incorrect IAM authentication information"}}""");
            answer.Headers.Add("X-IAM-Trace-Id", "trace-77");
            return Task.FromResult(answer);
        });
        var client = new IamTokenClient(new Uri("https://iam.example.com"), new HttpClient(iam));
        var e = await Assert.ThrowsAsync<KooPhoneApiException>(() => client.CreateTokenAsync("user", SecretText.Protect("pw"), "acme", IamScope.ByProjectName("cn-north-4"), null, TimeProvider.System, CancellationToken.None, retryUnreachable: false));

        Assert.Equal("APIGW.0301", e.ErrorCode);
        Assert.Equal("trace-77", e.IamTraceId);
        Assert.Contains("IAM trace id trace-77", e.Message);
    }

    [Fact]
    public async Task An_iam_refusal_without_a_shape_keeps_its_body_under_the_status()
    {
        var iam = new FakeHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("Forbidden by the proxy") }));
        var client = new IamTokenClient(new Uri("https://iam.example.com"), new HttpClient(iam));
        var e = await Assert.ThrowsAsync<KooPhoneApiException>(() => client.CreateTokenAsync("user", SecretText.Protect("pw"), "acme", IamScope.ByProjectName("cn-north-4"), null, TimeProvider.System, CancellationToken.None, retryUnreachable: false));

        Assert.Equal("HTTP.403", e.ErrorCode);
        Assert.Equal("Forbidden by the proxy", e.ErrorMessage);
        Assert.Null(e.IamTraceId);
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
        Assert.Equal("403", e.ErrorCode);
        Assert.Contains("listProjects", e.ErrorMessage);
        Assert.DoesNotContain("the-secret-key", e.ToString());
        Assert.Single(iam.Attempts);
    }
}
