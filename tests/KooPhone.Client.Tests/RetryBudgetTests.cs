using System.Net;
using KooPhone.Client.Connection;
using KooPhone.Client.Http;
using Xunit;

namespace KooPhone.Client.Tests;

public class RetryBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static KooPhoneConnectionOptions Options(int retries = 2) => new()
    {
        MaxRetryCount = retries,
        RetryBaseDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(60),
        TotalTimeout = TimeSpan.FromMinutes(1),
    };

    private static HttpRequestMessage Backup() => new(HttpMethod.Post, "http://127.0.0.1/v1/instances/backup");

    private static HttpResponseMessage Throttled(int retryAfterSeconds)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds));
        return response;
    }

    [Fact]
    public void Throttling_is_retried_beyond_the_retry_count_until_the_next_wait_would_pass_the_time_cap()
    {
        var budget = new RetryBudget(Options(retries: 2), Start, () => 0.5);
        using var request = Backup();
        var now = Start;
        var granted = 0;
        while (budget.TryRetry(request, Throttled(1), null, false, now))
        {
            granted++;
            Assert.True(budget.NextIsThrottled);
            Assert.Equal(TimeSpan.FromSeconds(1.5), budget.NextDelay);
            now += budget.NextDelay;
        }

        // 60 s of 1.5 s waits: 39 fit, the 40th would end on the cap.
        Assert.Equal(39, granted);
        Assert.Equal(39, budget.ThrottledRetries);
        Assert.Equal(0, budget.TransientRetries);
    }

    [Fact]
    public void Other_failures_keep_their_count_whatever_the_throttling_before()
    {
        var budget = new RetryBudget(Options(retries: 2), Start, () => 0);
        using var request = Backup();
        RequestProperties.SetIdempotent(request, true);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(budget.TryRetry(request, Throttled(0), null, false, Start));
        }

        using var unavailable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        Assert.True(budget.TryRetry(request, unavailable, null, false, Start));
        Assert.False(budget.NextIsThrottled);
        Assert.True(budget.TryRetry(request, unavailable, null, false, Start));
        Assert.False(budget.TryRetry(request, unavailable, null, false, Start));
        Assert.True(budget.TryRetry(request, Throttled(0), null, false, Start));
    }

    [Fact]
    public void No_retries_at_all_when_the_count_is_zero()
    {
        var budget = new RetryBudget(Options(retries: 0), Start, () => 0);
        using var request = Backup();
        Assert.False(budget.TryRetry(request, Throttled(1), null, false, Start));
    }

    [Fact]
    public void Never_retries_what_the_classifier_refuses_or_what_the_caller_cancelled()
    {
        var budget = new RetryBudget(Options(), Start, () => 0);
        using var request = Backup();
        using var badRequest = new HttpResponseMessage(HttpStatusCode.BadRequest);
        Assert.False(budget.TryRetry(request, badRequest, null, false, Start));
        Assert.False(budget.TryRetry(request, Throttled(1), null, true, Start));
    }

    [Theory]
    [InlineData(0.0, 1000)]
    [InlineData(0.5, 1500)]
    [InlineData(0.999, 1999)]
    public void Retry_After_is_a_floor_stretched_by_up_to_itself(double random, int expectedMs)
    {
        var wait = RetryDelay.For(TimeSpan.FromSeconds(1), 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), random);
        Assert.Equal(expectedMs, (int)wait.TotalMilliseconds);
    }

    [Fact]
    public void Without_Retry_After_the_wait_grows_exponentially_with_jitter_up_to_the_longest_wait()
    {
        var baseDelay = TimeSpan.FromSeconds(1);
        var max = TimeSpan.FromSeconds(60);
        Assert.Equal(TimeSpan.FromSeconds(1), RetryDelay.For(null, 1, baseDelay, max, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryDelay.For(null, 3, baseDelay, max, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryDelay.For(null, 3, baseDelay, max, 0));
        Assert.Equal(max, RetryDelay.For(null, 200, baseDelay, max, 0.5));
        Assert.Equal(max, RetryDelay.For(TimeSpan.FromSeconds(50), 1, baseDelay, max, 0.5));
    }
}
