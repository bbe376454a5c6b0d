using System.Diagnostics;
using System.Net;
using KooPhone.Client.Api;
using KooPhone.Client.Connection;
using KooPhone.Client.Http;
using Polly.Timeout;
using Xunit;

namespace KooPhone.Client.Tests;

public class ResilienceHandlerTests
{
    private static KooPhoneConnectionOptions Fast(int retries = 3) => new()
    {
        MaxRetryCount = retries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };

    private static HttpClient Client(KooPhoneConnectionOptions options, FakeHandler network) =>
        new(new ResilienceHandler(options, new AdaptiveConcurrencyLimiter(options.MaxConcurrentCalls)) { InnerHandler = network }) { BaseAddress = new Uri("http://127.0.0.1/") };

    private static HttpRequestMessage Post(bool idempotent = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/instances/backup") { Content = new ByteArrayContent(new byte[] { 1, 2, 3 }) };
        request.Headers.Add("x-request-id", "req-42");
        RequestProperties.SetIdempotent(request, idempotent);
        return request;
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Retries_transient_statuses_with_the_same_request_id(HttpStatusCode transient)
    {
        var network = new FakeHandler((_, call, _) => Task.FromResult(FakeHandler.Json(call < 3 ? transient : HttpStatusCode.OK, "{}")));
        using var client = Client(Fast(), network);
        using var request = Post(idempotent: true);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, network.Attempts.Count);
        Assert.All(network.Attempts, a => Assert.Equal("req-42", a.Headers["x-request-id"]));
        Assert.Equal(3, RequestProperties.GetAttempts(request));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.OK)]
    public async Task Does_not_retry_answers_that_would_repeat(HttpStatusCode final)
    {
        var network = new FakeHandler((_, _, _) => Task.FromResult(FakeHandler.Json(final, "{}")));
        using var client = Client(Fast(), network);
        using var response = await client.SendAsync(Post());
        Assert.Single(network.Attempts);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, 3)]
    [InlineData(HttpStatusCode.RequestTimeout, 3)]
    [InlineData(HttpStatusCode.BadGateway, 1)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 1)]
    [InlineData(HttpStatusCode.GatewayTimeout, 1)]
    public async Task A_state_changing_call_is_retried_only_where_the_service_cannot_have_acted(HttpStatusCode status, int attempts)
    {
        var network = new FakeHandler((_, call, _) => Task.FromResult(FakeHandler.Json(call < 3 ? status : HttpStatusCode.OK, "{}")));
        using var client = Client(Fast(), network);
        using var response = await client.SendAsync(Post(idempotent: false));
        Assert.Equal(attempts, network.Attempts.Count);
    }

    [Fact]
    public async Task A_state_changing_call_is_retried_after_a_refused_connection_but_not_after_a_reset_or_a_timeout()
    {
        var refused = new FakeHandler((_, call, _) => call == 1
            ? throw new HttpRequestException("refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused))
            : Task.FromResult(FakeHandler.Json(HttpStatusCode.OK, "{}")));
        using (var client = Client(Fast(), refused))
        {
            using var response = await client.SendAsync(Post());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var reset = new FakeHandler((_, _, _) => throw new HttpRequestException("reset", new IOException("connection reset by peer")));
        using (var client = Client(Fast(), reset))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Post()));
        }

        var slow = new FakeHandler(async (_, _, token) => { await Task.Delay(TimeSpan.FromSeconds(30), token); return FakeHandler.Json(HttpStatusCode.OK, "{}"); });
        var options = Fast();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        using (var client = Client(options, slow))
        {
            await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.SendAsync(Post()));
        }

        Assert.Equal(2, refused.Attempts.Count);
        Assert.Single(reset.Attempts);
        Assert.Single(slow.Attempts);
    }

    [Fact]
    public async Task Retries_500_only_for_calls_that_change_nothing()
    {
        var mutation = new FakeHandler((_, _, _) => Task.FromResult(FakeHandler.Json(HttpStatusCode.InternalServerError, "{}")));
        using (var client = Client(Fast(), mutation))
        {
            await client.SendAsync(Post(idempotent: false));
        }

        var read = new FakeHandler((_, _, _) => Task.FromResult(FakeHandler.Json(HttpStatusCode.InternalServerError, "{}")));
        using (var client = Client(Fast(), read))
        {
            await client.SendAsync(Post(idempotent: true));
        }

        Assert.Single(mutation.Attempts);
        Assert.Equal(4, read.Attempts.Count);
    }

    [Fact]
    public async Task Zero_retries_sends_once()
    {
        var network = new FakeHandler((_, _, _) => Task.FromResult(FakeHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")));
        using var client = Client(Fast(retries: 0), network);
        using var response = await client.SendAsync(Post());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(network.Attempts);
    }

    [Fact]
    public async Task Honours_the_retry_cap_and_hands_back_the_last_answer()
    {
        var network = new FakeHandler((_, _, _) => Task.FromResult(FakeHandler.Json(HttpStatusCode.ServiceUnavailable, "{\"error_code\":\"APIGW.0201\"}")));
        using var client = Client(Fast(retries: 2), network);
        using var request = Post(idempotent: true);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, network.Attempts.Count);
        Assert.Equal(3, RequestProperties.GetAttempts(request));
    }

    [Fact]
    public async Task Waits_as_long_as_Retry_After_says_in_seconds()
    {
        var network = new FakeHandler((_, call, _) =>
        {
            var response = FakeHandler.Json(call == 1 ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK, "{}");
            if (call == 1)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            }

            return Task.FromResult(response);
        });
        var clock = new ManualClock();
        var options = Fast();
        options.MaxRetryDelay = TimeSpan.FromSeconds(60);
        options.TotalTimeout = TimeSpan.FromMinutes(5);
        options.Time = clock;
        using var client = Client(options, network);

        var sending = client.SendAsync(Post());
        // Retry-After is a floor, stretched by jitter up to twice itself (RetryDelay).
        await Until.Holds(() => clock.WaitBetween(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)) != null, "the wait Retry-After asks for");
        var wait = clock.WaitBetween(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60))!.Value;
        clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        Assert.Single(network.Attempts);
        Assert.False(sending.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await sending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, network.Attempts.Count);
    }

    [Fact]
    public void Reads_Retry_After_as_an_http_date_too()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(3), RetryAfter.From(response, now));
        Assert.Null(RetryAfter.From(new HttpResponseMessage(HttpStatusCode.TooManyRequests), now));
    }

    [Fact]
    public async Task Retries_dropped_connections_and_attempts_that_time_out_for_calls_safe_to_repeat()
    {
        var network = new FakeHandler(async (_, call, token) =>
        {
            if (call == 1)
            {
                throw new HttpRequestException("connection reset");
            }

            if (call == 2)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token);   // abandoned by the attempt timeout
            }

            return FakeHandler.Json(HttpStatusCode.OK, "{}");
        });
        var options = Fast();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        using var client = Client(options, network);
        using var response = await client.SendAsync(Post(idempotent: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, network.Attempts.Count);
    }

    [Fact]
    public async Task A_timeout_on_every_attempt_ends_in_a_timeout_after_the_cap()
    {
        var network = new FakeHandler(async (_, _, token) => { await Task.Delay(TimeSpan.FromSeconds(30), token); return FakeHandler.Json(HttpStatusCode.OK, "{}"); });
        var options = Fast(retries: 1);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        using var client = Client(options, network);
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.SendAsync(Post(idempotent: true)));
        Assert.Equal(2, network.Attempts.Count);
    }

    [Fact]
    public async Task Cancellation_ends_a_back_off_wait_at_once()
    {
        var network = new FakeHandler((_, _, _) =>
        {
            var response = FakeHandler.Json(HttpStatusCode.TooManyRequests, "{}");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return Task.FromResult(response);
        });
        var options = Fast();
        options.MaxRetryDelay = TimeSpan.FromSeconds(60);
        // Room for the whole wait, so the retry is granted and it is the wait that gets cancelled.
        options.TotalTimeout = TimeSpan.FromMinutes(5);
        using var client = Client(options, network);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Post(), stop.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the wait was not cancelled");
        Assert.Single(network.Attempts);
    }

    [Fact]
    public async Task Caps_the_total_time_of_one_call()
    {
        var network = new FakeHandler((_, _, _) => Task.FromResult(FakeHandler.Json(HttpStatusCode.ServiceUnavailable, "{}")));
        var options = Fast(retries: 20);
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
        options.TotalTimeout = TimeSpan.FromMilliseconds(700);
        using var client = Client(options, network);

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.SendAsync(Post(idempotent: true)));
        Assert.InRange(network.Attempts.Count, 2, 10);
    }

    [Fact]
    public async Task Throttling_does_not_count_towards_the_retry_cap()
    {
        var network = new FakeHandler((_, call, _) => Task.FromResult(FakeHandler.Json(call <= 8 ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK, "{}")));
        using var client = Client(Fast(retries: 2), network);
        using var request = Post();

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(9, network.Attempts.Count);
        Assert.Equal(9, RequestProperties.GetAttempts(request));
    }

    [Fact]
    public async Task A_throttled_call_hands_back_its_429_when_the_next_wait_would_pass_the_time_cap()
    {
        var network = new FakeHandler((_, _, _) =>
        {
            var response = FakeHandler.Json(HttpStatusCode.TooManyRequests, "{\"error_code\":\"APIGW.0308\"}");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return Task.FromResult(response);
        });
        var options = Fast(retries: 20);
        options.TotalTimeout = TimeSpan.FromSeconds(2.5);
        using var client = Client(options, network);

        using var response = await client.SendAsync(Post());

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(network.Attempts.Count, 2, 3);
    }

    [Fact]
    public async Task Calls_of_several_clients_sharing_a_limiter_settle_at_the_service_limit()
    {
        const int serviceLimit = 4;
        var inside = 0;
        var network = new FakeHandler(async (_, _, token) =>
        {
            var now = Interlocked.Increment(ref inside);
            try
            {
                if (now > serviceLimit)
                {
                    return FakeHandler.Json(HttpStatusCode.TooManyRequests, "{}");
                }

                await Task.Delay(10, token);
                return FakeHandler.Json(HttpStatusCode.OK, "{}");
            }
            finally
            {
                Interlocked.Decrement(ref inside);
            }
        });
        var limiter = new AdaptiveConcurrencyLimiter(64);
        var options = Fast();
        using var first = new HttpClient(new ResilienceHandler(options, limiter) { InnerHandler = network }) { BaseAddress = new Uri("http://127.0.0.1/") };
        using var second = new HttpClient(new ResilienceHandler(options, limiter) { InnerHandler = network }) { BaseAddress = new Uri("http://127.0.0.1/") };

        // Two "cmdlets" of 32 calls in flight each, 200 calls in all.
        var gate = new SemaphoreSlim(64);
        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await (i % 2 == 0 ? first : second).SendAsync(Post());
                return response.StatusCode;
            }
            finally
            {
                gate.Release();
            }
        });
        var statuses = await Task.WhenAll(calls);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.InRange(limiter.Limit, 1, 2 * serviceLimit);
        var throttled = network.Attempts.Count - 200;
        Assert.True(throttled < 200, $"{throttled} throttled attempts for 200 calls");
    }
}
