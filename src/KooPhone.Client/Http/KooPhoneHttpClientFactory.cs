using System;
using System.Net;
using System.Net.Http;
using KooPhone.Client.Auth;
using KooPhone.Client.Connection;
using Microsoft.Extensions.DependencyInjection;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// Builds the one long-lived HttpClient of a context with Microsoft.Extensions.Http:
    /// retries, timeouts and the context's concurrency limit (Polly, AdaptiveConcurrencyLimiter), renewal of a refused token (where the context can renew), authentication per attempt, then a trace of each attempt, then the socket handler.
    /// </summary>
    internal static class KooPhoneHttpClientFactory
    {
        private const string ClientName = "KooPhone";

        public static OwnedHttpClient Create(Uri endpoint, IRequestAuthenticator authenticator, KooPhoneConnectionOptions options, AdaptiveConcurrencyLimiter limiter)
        {
            var services = new ServiceCollection();
            var builder = services.AddHttpClient(ClientName, client =>
                {
                    // A trailing slash keeps any path prefix of the endpoint when relative paths are resolved.
                    // Attempts are timed by the resilience handler; the client itself never gives up first.
                    client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                    client.BaseAddress = endpoint.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
                })
                .AddHttpMessageHandler(() => new ResilienceHandler(options, limiter));
            if (authenticator is IRenewableAuthenticator renewable)
            {
                builder.AddHttpMessageHandler(() => new RenewOnUnauthorizedHandler(renewable));
            }

            builder
                .AddHttpMessageHandler(() => new AuthenticationHandler(authenticator))
                .AddHttpMessageHandler(() => new RequestTraceHandler())
                .ConfigurePrimaryHttpMessageHandler(() => PrimaryHandler(options))
                // The client lives as long as its context; the factory must not rotate the chain under it.
                .SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan);

            var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
            return new OwnedHttpClient(client, provider);
        }

        private static HttpClientHandler PrimaryHandler(KooPhoneConnectionOptions options)
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
            };
            var proxy = ProxySettings.For(options);
            if (proxy != null)
            {
                handler.Proxy = proxy;
                handler.UseProxy = true;
            }

            return handler;
        }
    }
}
