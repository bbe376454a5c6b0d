using System.Net;
using System.Text;
using KooPhone.Client.Api;
using KooPhone.Client.Auth;
using Xunit;

namespace KooPhone.Client.Tests;

public class AuthenticatorTests
{
    [Fact]
    public async Task Access_key_authenticator_signs_a_KooPhone_request_exactly_like_vector_K1()
    {
        var clock = new ManualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var signer = new AccessKeyAuthenticator("AccessKey", SecretText.Protect("SecretKey"), "0123456789abcdef0123456789abcdef", time: clock);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://koophone.myhuaweicloud.com/v1/instances/batch-query-status")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"instance_ids\":[\"a44uhlf7\",\"efjy72gs\"]}")),
        };
        request.Headers.Add("x-request-id", "8f0c2f0e-2d4e-4a53-9a39-3c5e1b6a7d11");

        await signer.AuthenticateAsync(request, CancellationToken.None);

        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-project-id;x-request-id;x-sdk-date, Signature=8d3f0c6973306a290d21aab0bf58b17c504bf6dca9e3b17bd1385089a99b82d3",
            string.Join(",", request.Headers.GetValues("Authorization")));
        Assert.Equal("20240101T000000Z", request.Headers.GetValues("X-Sdk-Date").Single());
        Assert.Equal("0123456789abcdef0123456789abcdef", request.Headers.GetValues("X-Project-Id").Single());
    }

    [Fact]
    public async Task Access_key_authenticator_signs_each_attempt_afresh()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var signer = new AccessKeyAuthenticator("ak", SecretText.Protect("sk"), "p", time: clock);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://koophone.myhuaweicloud.com/v1/instances/batch-query?page_no=1");

        await signer.AuthenticateAsync(request, CancellationToken.None);
        var first = request.Headers.GetValues("Authorization").Single();
        clock.Advance(TimeSpan.FromSeconds(5));
        await signer.AuthenticateAsync(request, CancellationToken.None);

        Assert.NotEqual(first, request.Headers.GetValues("Authorization").Single());
        Assert.Single(request.Headers.GetValues("Authorization"));
        Assert.Equal("20260101T000005Z", request.Headers.GetValues("X-Sdk-Date").Single());
    }

    [Fact]
    public async Task Temporary_credentials_send_and_sign_the_security_token()
    {
        using var signer = new AccessKeyAuthenticator("ak", SecretText.Protect("sk"), "p", SecretText.Protect("temp-token"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://h.example.com/v1/x");
        await signer.AuthenticateAsync(request, CancellationToken.None);

        Assert.Equal("temp-token", request.Headers.GetValues("X-Security-Token").Single());
        Assert.Contains("SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,", request.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void Access_key_authenticator_refuses_missing_parts()
    {
        Assert.Throws<ArgumentException>(() => new AccessKeyAuthenticator("", SecretText.Protect("sk"), "p"));
        Assert.Throws<ArgumentException>(() => new AccessKeyAuthenticator("ak", new System.Security.SecureString(), "p"));
        Assert.Throws<ArgumentException>(() => new AccessKeyAuthenticator("ak", SecretText.Protect("sk"), " "));
    }

    private static FakeHandler Iam(Func<int, DateTime> expiresAt, List<string> bodies) => new((request, call, _) =>
    {
        var body = request.Content!.ReadAsStringAsync().Result;
        lock (bodies)
        {
            bodies.Add(body);
        }

        if (body.Contains("wrong-password"))
        {
            return Task.FromResult(FakeHandler.Json(HttpStatusCode.Unauthorized, "{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}"));
        }

        var response = FakeHandler.Json(HttpStatusCode.Created, "{\"token\":{\"expires_at\":\"" + expiresAt(call).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ") + "\",\"project\":{\"id\":\"proj-1\",\"name\":\"cn-north-4\"}}}");
        response.Headers.Add("X-Subject-Token", "token-" + call);
        return Task.FromResult(response);
    });

    private static PasswordTokenAuthenticator Password(FakeHandler iam, TimeProvider clock, string password = "pw") =>
        new(new IamTokenClient(new Uri("https://iam.example.com"), new HttpClient(iam)), "user", SecretText.Protect(password), "acme", IamScope.ByProjectName("cn-north-4"), clock);

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task An_iam_failure_is_asked_again_like_a_read(HttpStatusCode failure)
    {
        var iam = new FakeHandler((_, call, _) =>
        {
            if (call < 3)
            {
                return Task.FromResult(FakeHandler.Json(failure, "{\"error\":{\"code\":500,\"message\":\"busy\"}}"));
            }

            var response = FakeHandler.Json(HttpStatusCode.Created, "{\"token\":{\"expires_at\":\"" + DateTime.UtcNow.AddHours(24).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ") + "\",\"project\":{\"id\":\"proj-1\",\"name\":\"cn-north-4\"}}}");
            response.Headers.Add("X-Subject-Token", "token-" + call);
            return Task.FromResult(response);
        });
        var clock = new ManualClock();
        using var auth = Password(iam, clock);

        using var request = new HttpRequestMessage(HttpMethod.Get, "https://k.example.com/v1/x");
        var authenticating = auth.AuthenticateAsync(request, CancellationToken.None);

        // The attempts wait for the clock, not for the test's time: one second, then two.
        await Until.Holds(() => clock.WaitBetween(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) != null, "the pause before the second attempt");
        Assert.Single(iam.Attempts);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Until.Holds(() => clock.WaitBetween(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)) != null, "the pause before the third attempt");
        Assert.Equal(2, iam.Attempts.Count);
        Assert.False(authenticating.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));
        await authenticating;

        Assert.Equal("token-3", request.Headers.GetValues("X-Auth-Token").Single());
        Assert.Equal(3, iam.Attempts.Count);
    }

    [Fact]
    public async Task An_iam_that_stops_answering_costs_each_attempt_its_time_limit_then_ends_in_a_clear_timeout()
    {
        var iam = new FakeHandler(async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("never reached");
        });
        var limit = TimeSpan.FromSeconds(5);
        var clock = new ManualClock();
        using var auth = new PasswordTokenAuthenticator(
            new IamTokenClient(new Uri("https://iam.example.com"), new HttpClient(iam), limit), "user", SecretText.Protect("pw"), "acme", IamScope.ByProjectName("cn-north-4"), clock);

        using var request = new HttpRequestMessage(HttpMethod.Get, "https://k.example.com/v1/x");
        var authenticating = auth.AuthenticateAsync(request, CancellationToken.None);
        for (var attempt = 1; attempt <= IamCalls.MaxAttempts; attempt++)
        {
            await Until.Holds(() => clock.CountWaits(limit, limit) == attempt && iam.Attempts.Count == attempt, $"attempt {attempt} and its time limit");
            Assert.False(authenticating.IsCompleted);
            clock.Advance(limit);
            if (attempt < IamCalls.MaxAttempts)
            {
                var pause = IamCalls.RetryDelay(attempt);
                await Until.Holds(() => clock.CountWaits(pause, pause) == 1, $"the pause after attempt {attempt}");
                clock.Advance(pause);
            }
        }

        var error = await Assert.ThrowsAsync<KooPhoneConnectionException>(() => authenticating);
        Assert.True(error.TimedOut);
        Assert.Equal(IamCalls.MaxAttempts, error.Attempts);
        Assert.Equal(IamTokenClient.Operation, error.Operation);
        Assert.Equal(IamCalls.MaxAttempts, iam.Attempts.Count);
    }

    [Fact]
    public async Task A_refused_iam_login_is_not_asked_again()
    {
        var bodies = new List<string>();
        using var auth = Password(Iam(_ => DateTime.UtcNow.AddHours(24), bodies), TimeProvider.System, password: "wrong-password");

        using var request = new HttpRequestMessage(HttpMethod.Get, "https://k.example.com/v1/x");
        await Assert.ThrowsAnyAsync<Exception>(() => auth.AuthenticateAsync(request, CancellationToken.None));

        Assert.Single(bodies);
    }

    [Fact]
    public async Task Password_authenticator_asks_iam_once_and_reuses_the_token()
    {
        var bodies = new List<string>();
        var iam = Iam(_ => DateTime.UtcNow.AddHours(24), bodies);
        using var auth = Password(iam, TimeProvider.System);

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://k.example.com/v1/x");
            await auth.AuthenticateAsync(request, CancellationToken.None);
            Assert.Equal("token-1", request.Headers.GetValues("X-Auth-Token").Single());
        }

        Assert.Single(iam.Attempts);
        Assert.Equal("proj-1", auth.ProjectId);
        var body = System.Text.Json.JsonDocument.Parse(bodies[0]).RootElement.GetProperty("auth");
        Assert.Equal("password", body.GetProperty("identity").GetProperty("methods")[0].GetString());
        Assert.Equal("acme", body.GetProperty("identity").GetProperty("password").GetProperty("user").GetProperty("domain").GetProperty("name").GetString());
        Assert.Equal("cn-north-4", body.GetProperty("scope").GetProperty("project").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Password_authenticator_renews_ten_minutes_before_expiry()
    {
        var clock = new ManualClock();
        var start = clock.UtcNow;
        var iam = Iam(_ => start.AddHours(24), new List<string>());
        using var auth = Password(iam, clock);

        using var request = new HttpRequestMessage(HttpMethod.Get, "https://k.example.com/v1/x");
        await auth.AuthenticateAsync(request, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(11));
        await auth.AuthenticateAsync(request, CancellationToken.None);
        Assert.Single(iam.Attempts);

        clock.Advance(TimeSpan.FromMinutes(2));
        await auth.AuthenticateAsync(request, CancellationToken.None);
        Assert.Equal(2, iam.Attempts.Count);
        Assert.Equal("token-2", request.Headers.GetValues("X-Auth-Token").Single());
    }

    [Fact]
    public async Task Password_authenticator_renews_a_refused_token_once_even_when_many_requests_were_refused()
    {
        var iam = Iam(_ => DateTime.UtcNow.AddHours(24), new List<string>());
        using var auth = Password(iam, TimeProvider.System);
        var refused = Enumerable.Range(0, 5).Select(_ => new HttpRequestMessage(HttpMethod.Get, "https://k.example.com/v1/x")).ToList();
        foreach (var request in refused)
        {
            await auth.AuthenticateAsync(request, CancellationToken.None);
        }

        foreach (var request in refused)
        {
            auth.Invalidate(request);
            await auth.AuthenticateAsync(request, CancellationToken.None);
            Assert.Equal("token-2", request.Headers.GetValues("X-Auth-Token").Single());
        }

        Assert.Equal(2, iam.Attempts.Count);
    }

    [Fact]
    public async Task Wrong_password_is_a_clear_error_that_does_not_contain_the_password()
    {
        var iam = Iam(_ => DateTime.UtcNow.AddHours(24), new List<string>());
        using var auth = Password(iam, TimeProvider.System, "wrong-password");

        var e = await Assert.ThrowsAsync<KooPhoneApiException>(() => auth.SignInAsync(null, CancellationToken.None));

        Assert.Equal("401", e.ErrorCode);
        Assert.Equal(401, e.HttpStatus);
        Assert.Contains("username or password is wrong", e.Message);
        Assert.DoesNotContain("wrong-password", e.ToString());
    }
}
