using System;
using System.IO;
using System.Net;
using System.Net.Http;
using Polly.Timeout;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// Which failed attempts are tried again. Every retry re-sends the same logical request with
    /// the same x-request-id (and, for AK/SK, a fresh signature), so a service that traces or
    /// de-duplicates by request id sees one request, never two backups under two ids.
    ///
    /// Retried, for every operation:
    ///  - transport failures (connection refused, reset, dropped) and an attempt that timed out;
    ///  - 408, 429 (throttled at the gateway, APIGW.0308: the backend never saw it), 502, 503 and 504
    ///    (the gateway's own failures, reference 6.5–6.6).
    /// Retried only for calls that change nothing (GET, status queries):
    ///  - 500 (KOOPHONE.API.9999 "internal error" in the older table): for a batch mutation it may
    ///    mean part of the batch was applied, so repeating it could act twice; the error is reported
    ///    per instance instead, and the user decides.
    /// Never retried: 4xx other than 408/429 (1000 bad parameter, 1001/1012 permission, 4001, 5xxx:
    /// the same request fails the same way), APIGW.0301 (handled by token renewal where possible),
    /// and business codes in HTTP 200 answers — 2005/2006 (instance busy restoring or backing up)
    /// last minutes, far beyond a back-off, and are reported as ResourceBusy.
    /// </summary>
    internal static class RetryClassifier
    {
        public static bool ShouldRetry(HttpRequestMessage request, HttpResponseMessage? response, Exception? error, bool cancelledByCaller)
        {
            if (cancelledByCaller)
            {
                return false;
            }

            if (error != null)
            {
                return error is HttpRequestException || error is IOException || error is TimeoutRejectedException
                    || error is OperationCanceledException; // an attempt abandoned by HttpClient itself, not by the caller
            }

            if (response == null)
            {
                return false;
            }

            switch ((int)response.StatusCode)
            {
                case 408:
                case 429:
                case 502:
                case 503:
                case 504:
                    return true;
                case 500:
                    return RequestProperties.IsIdempotent(request);
                default:
                    return false;
            }
        }

        public static string Describe(HttpResponseMessage? response, Exception? error) =>
            response != null ? "HTTP " + (int)response.StatusCode : error?.GetType().Name + ": " + error?.Message;
    }
}
