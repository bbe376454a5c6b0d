using System;
using System.Net.Http;
using Polly.Timeout;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// What went wrong with an attempt, in words that follow "after" in the -Verbose note of a
    /// retry ("attempt 2 of 6 in 1.1 s, after a timeout of 8 s"). Built from the status code and
    /// the exception's kind alone: never a header, a body or a URL's credentials, and never a
    /// .NET or Polly type name.
    /// </summary>
    internal static class RetryReason
    {
        public static string Describe(HttpResponseMessage? response, Exception? error, TimeSpan attemptTimeout)
        {
            if (response != null)
            {
                var status = (int)response.StatusCode;
                switch (status)
                {
                    case 429:
                        return "throttling (HTTP 429)";
                    case 408:
                        return "HTTP 408 (the server stopped waiting for the request)";
                    case 500:
                        return "HTTP 500 (the service failed)";
                    case 502:
                        return "HTTP 502 (the gateway had no valid answer from the service)";
                    case 503:
                        return "HTTP 503 (the service is unavailable)";
                    case 504:
                        return "HTTP 504 (the gateway gave up waiting for the service)";
                    default:
                        return "HTTP " + status;
                }
            }

            switch (error)
            {
                case null:
                    return "a failed attempt";
                case TimeoutRejectedException _:
                    return $"a timeout of {Seconds(attemptTimeout)} s";
                case OperationCanceledException _:
                    return "an attempt abandoned before its answer came";
                default:
                    var what = TransportFailureText.Describe(error);
                    return TransportFailures.SentNothing(error)
                        ? "a connection failure before the request was sent (" + what + ")"
                        : "a connection failure after the request was sent (" + what + ")";
            }
        }

        internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
    }
}
