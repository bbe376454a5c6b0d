using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security;
using KooPhone.Client.Api;
using KooPhone.Client.Auth;
using KooPhone.Client.Connection;
using KooPhone.Client.Http;
using Polly.Timeout;
using Xunit;

namespace KooPhone.Client.Tests;

/// <summary>What -Verbose, errors and a context's display say: words, never type names or secrets.</summary>
public class ConsoleTextTests
{
    [Fact]
    public void Retry_reasons_are_words_that_follow_after()
    {
        var timeout = TimeSpan.FromSeconds(8);
        Assert.Equal("a timeout of 8 s", RetryReason.Describe(null, new TimeoutRejectedException(), timeout));
        Assert.Equal("HTTP 503 (the service is unavailable)", RetryReason.Describe(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), null, timeout));
        Assert.Equal("throttling (HTTP 429)", RetryReason.Describe(new HttpResponseMessage((HttpStatusCode)429), null, timeout));
        Assert.Equal(
            "a connection failure before the request was sent (connection refused)",
            RetryReason.Describe(null, new HttpRequestException("Connection refused (h:1)", new SocketException((int)SocketError.ConnectionRefused)), timeout));
        Assert.Equal(
            "a connection failure after the request was sent (connection dropped before the answer was complete)",
            RetryReason.Describe(null, new HttpRequestException("An error occurred", new System.IO.IOException("The response ended prematurely.")), timeout));
    }

    [Fact]
    public void A_retry_note_counts_attempts_of_the_total_and_never_names_a_type()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v1/instances/backup");
        request.Headers.TryAddWithoutValidation(KooPhoneHeaders.RequestId, "r-1");

        var note = RequestTrace.ForRetry(request, 2, 6, TimeSpan.FromSeconds(1.1), "a timeout of 8 s", null).ToString();
        var failed = new RequestTrace("POST", "/v1/instances/backup", "r-1", null, 12, new HttpRequestException("x", new SocketException((int)SocketError.HostNotFound))).ToString();

        Assert.Equal("POST /v1/instances/backup (request id r-1): attempt 2 of 6 in 1.1 s, after a timeout of 8 s", note);
        Assert.Equal("POST /v1/instances/backup (request id r-1) failed in 12 ms: host not found", failed);
    }

    [Fact]
    public void A_connection_error_says_what_happened_in_words()
    {
        var refused = new KooPhoneConnectionException("ListInstances", "r-1", 1, false, new HttpRequestException("Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.Equal("connection refused", refused.Reason);
        Assert.True(refused.Unreachable);
        Assert.Equal("ListInstances got no answer: connection refused (request id r-1, 1 attempt).", refused.Message);
    }

    [Fact]
    public void Only_a_call_marked_to_fail_fast_gives_up_on_an_unreachable_host_at_once()
    {
        var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));
        using var check = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/v1/instances/batch-query");
        RequestProperties.SetFailFastWhenUnreachable(check, true);
        using var ordinary = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/v1/instances/batch-query");

        Assert.False(RetryClassifier.ShouldRetry(check, null, refused, cancelledByCaller: false));
        Assert.True(RetryClassifier.ShouldRetry(ordinary, null, refused, cancelledByCaller: false));
        // A timeout at the check is no wrong address: it is retried as any read.
        Assert.True(RetryClassifier.ShouldRetry(check, null, new TimeoutRejectedException(), cancelledByCaller: false));
    }

    [Fact]
    public void A_context_is_named_host_project_account_and_shows_no_proxy_password()
    {
        var token = new SecureString();
        foreach (var c in "secret-token")
        {
            token.AppendChar(c);
        }

        var options = new KooPhoneConnectionOptions { Proxy = new Uri("http://alice:proxy-pass@proxy.example:8080") };
        using var context = new KooPhoneContext(new Uri("https://koophone.example.com"), "cn-east-3", new TokenAuthenticator(token), KooPhoneContextSource.Connected, options);
        using var named = new KooPhoneContext(new Uri("http://127.0.0.1:5080"), "", new TokenAuthenticator(token), KooPhoneContextSource.Connected, name: " lab ");

        Assert.Equal("koophone.example.com/cn-east-3/Token", context.Name);
        Assert.Equal(context.Name, context.ToString());
        Assert.Equal("lab", named.Name);
        Assert.Equal(new Uri("http://proxy.example:8080/"), context.Proxy);
        Assert.DoesNotContain("proxy-pass", context.Proxy!.ToString());
    }

    [Fact]
    public void The_registry_keeps_contexts_by_name_and_leaves_no_default_after_the_default_goes()
    {
        var prefix = Guid.NewGuid().ToString("N");
        var first = NewContext(prefix + "-a");
        var second = NewContext(prefix + "-b");
        var replacement = NewContext(prefix + "-A");
        try
        {
            KooPhoneContextRegistry.SetConnected(first);
            KooPhoneContextRegistry.SetConnected(second);
            Assert.Same(first, KooPhoneContextRegistry.Find(prefix + "-A"));
            Assert.True(second.IsDefault);

            KooPhoneContextRegistry.SetConnected(replacement);
            Assert.Same(replacement, KooPhoneContextRegistry.Find(prefix + "-a"));
            Assert.DoesNotContain(first, KooPhoneContextRegistry.Available());

            KooPhoneContextRegistry.Disconnect(replacement);
            Assert.True(replacement.IsDisposed);
            Assert.Null(KooPhoneContextRegistry.Connected);
            Assert.Contains(second, KooPhoneContextRegistry.Available());
        }
        finally
        {
            KooPhoneContextRegistry.Disconnect(second);
            first.Dispose();
        }
    }

    private static KooPhoneContext NewContext(string name)
    {
        var token = new SecureString();
        token.AppendChar('t');
        return new KooPhoneContext(new Uri("https://koophone.example.com"), "", new TokenAuthenticator(token), KooPhoneContextSource.Connected, name: name);
    }
}
