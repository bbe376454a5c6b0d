using System.Net.Http;
using System.Security;
using System.Text;
using KooPhone.Client.Auth;
using KooPhone.Client.Connection;
using KooPhone.Client.Http;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>
/// Nothing below the module may send a state-changing call twice: not the socket handler's own
/// retry of a request that failed on a pooled connection, which cannot know whether the service
/// acted before the connection closed.
/// </summary>
public class HandlerChainResendTests
{
    [Fact]
    public async Task A_post_whose_pooled_connection_closes_silently_is_sent_once()
    {
        using var server = new SilentCloseServer();
        using var token = new SecureString();
        foreach (var c in "test-token")
            token.AppendChar(c);
        var options = new KooPhoneConnectionOptions { MaxRetryCount = 0, AttemptTimeout = TimeSpan.FromSeconds(5), TotalTimeout = TimeSpan.FromSeconds(10) };
        using var owned = KooPhoneHttpClientFactory.Create(server.Endpoint, new TokenAuthenticator(token), options, new AdaptiveConcurrencyLimiter(options.MaxConcurrentCalls));

        // Warm a pooled connection, then send the POST on it.
        using (var warm = await owned.Client.GetAsync("v1/instances/batch-query"))
        { }
        using var post = new HttpRequestMessage(HttpMethod.Post, "v1/instances/reboot") { Content = new StringContent("{\"instance_ids\":[\"a44uhlf7\"]}", Encoding.UTF8, "application/json") };
        post.Headers.Add("x-request-id", "req-once");

        await Assert.ThrowsAnyAsync<Exception>(() => owned.Client.SendAsync(post));

        Assert.Equal(1, server.Gets);
        Assert.Equal(1, server.Posts);
    }
}
