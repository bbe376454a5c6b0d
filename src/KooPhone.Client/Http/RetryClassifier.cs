using System;
using System.IO;
using System.Net.Http;
using Polly.Timeout;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// Which failed attempts are tried again. Every retry re-sends the same logical request with
    /// the same x-request-id (and, for AK/SK, a fresh signature). docs/operations.md states the
    /// same classification next to the operations it applies to.
    ///
    /// Safe to retry, for every operation — the service cannot have acted:
    ///  - a connection that failed before the request left (refused, DNS, unreachable, TLS);
    ///  - 429 (throttled at the gateway, APIGW.0308) and 408 (the server stopped waiting for the
    ///    request before it had all of it).
    /// Ambiguous — retried only for calls that are safe to repeat (reads and harmless repeats, as the
    /// operation's descriptor says), because for a state-changing call the service may have acted:
    ///  - a timeout or reset after the request was sent;
    ///  - 500, 502, 503 and 504 (a 500 may mean part of a batch was applied; a gateway 502/504 may
    ///    come after the backend carried the call out).
    /// A state-changing call that ends ambiguous is reported with OutcomeUnknown, never resent blindly.
    /// Never retried: other 4xx (1000 bad parameter, 1001/1012 permission, 4001, 5xxx: the same
    /// request fails the same way), APIGW.0301 (handled by token renewal where possible), and
    /// business codes in HTTP 200 answers — 2005/2006 (instance busy restoring or backing up) last
    /// minutes, far beyond a back-off, and are reported as ResourceBusy.
    /// </summary>
    internal static class RetryClassifier
    {
        /// <summary>Whether the failure may be retried at all; RetryBudget decides whether there is room left.</summary>
        public static bool ShouldRetry(HttpRequestMessage request, HttpResponseMessage? response, Exception? error, bool cancelledByCaller)
        {
            if (cancelledByCaller)
            {
                return false;
            }

            if (error != null)
            {
                var transport = error is HttpRequestException || error is IOException || error is TimeoutRejectedException
                    || error is OperationCanceledException; // an attempt abandoned by HttpClient itself, not by the caller
                if (TransportFailures.SentNothing(error))
                {
                    return transport && !RequestProperties.FailsFastWhenUnreachable(request);
                }

                return transport && RequestProperties.IsIdempotent(request);
            }

            if (response == null)
            {
                return false;
            }

            switch ((int)response.StatusCode)
            {
                case 408:
                case 429:
                    return true;
                case 500:
                case 502:
                case 503:
                case 504:
                    return RequestProperties.IsIdempotent(request);
                default:
                    return false;
            }
        }

        /// <summary>A throttled answer: the gateway refused the call before the backend saw it.</summary>
        public static bool IsThrottled(HttpResponseMessage? response) => response != null && (int)response.StatusCode == 429;
    }
}
