using System;
using System.IO;
using System.Net.Http;
using Polly.Timeout;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// What went wrong with an attempt, in words, for the -Verbose note of a retry. Built from the
    /// status code and the exception alone: never a header, a body or a URL's credentials.
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
                        return "the service is throttling calls (HTTP 429)";
                    case 408:
                        return "the server stopped waiting for the request (HTTP 408)";
                    case 500:
                        return "the service failed (HTTP 500)";
                    case 502:
                        return "the gateway had no valid answer from the service (HTTP 502)";
                    case 503:
                        return "the service is unavailable (HTTP 503)";
                    case 504:
                        return "the gateway gave up waiting for the service (HTTP 504)";
                    default:
                        return "the service answered HTTP " + status;
                }
            }

            switch (error)
            {
                case null:
                    return "the attempt failed";
                case TimeoutRejectedException _:
                    return $"no answer came within {attemptTimeout.TotalSeconds:0.#} s";
                case HttpRequestException _ when TransportFailures.SentNothing(error):
                    return "the connection failed before the request was sent (" + Summary(error) + ")";
                case HttpRequestException _:
                case IOException _:
                    return "the connection broke after the request was sent (" + Summary(error) + ")";
                case OperationCanceledException _:
                    return "the attempt was abandoned before an answer came";
                default:
                    return "the attempt failed (" + Summary(error) + ")";
            }
        }

        private static string Summary(Exception error) => error.GetType().Name + ": " + error.Message;
    }
}
