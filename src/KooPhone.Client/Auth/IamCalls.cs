using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Http;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// What every call to IAM shares (a password token, a project lookup): one HttpClient for the
    /// process, since IAM is asked rarely; retries of IAM's own failures; and IAM's refusals read
    /// in whichever shape they come.
    /// </summary>
    internal static class IamCalls
    {
        /// <summary>Attempts of one IAM call: asking IAM again is harmless, so its failures are retried like a read's.</summary>
        internal const int MaxAttempts = 3;

        /// <summary>The id IAM gives each answer, which Huawei's SDKs quote in their IAM errors.</summary>
        internal const string TraceIdHeader = "X-IAM-Trace-Id";

        private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

        public static readonly Lazy<HttpClient> SharedHttp = new Lazy<HttpClient>(() => new HttpClient(new RequestTraceHandler { InnerHandler = new HttpClientHandler() }));

        // attempt gets a token that also ends when the attempt has taken attemptTimeout (its answer's
        // body included: HttpClient reads it within SendAsync), so an IAM that stops answering costs
        // at most that, like a KooPhone call, instead of HttpClient's own 100 s; it is then asked again.
        // retryUnreachable false: a host that refused the connection or could not be found is not
        // asked again (Connect-KooPhone says at once that it cannot reach it).
        // time: the clock of the attempts' limits and of the pauses between them (the context's, so tests move it).
        public static async Task<T> WithRetriesAsync<T>(
            string operation, string requestId, Func<CancellationToken, Task<T>> attempt, TimeProvider time, TimeSpan attemptTimeout, CancellationToken cancellationToken, bool retryUnreachable = true)
        {
            for (var number = 1; ; number++)
            {
                using (var limit = time.CreateCancellationTokenSource(attemptTimeout))
                using (var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token))
                {
                    try
                    {
                        return await attempt(either.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException e) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        if (number >= MaxAttempts)
                        {
                            throw new KooPhoneConnectionException(operation, requestId, number, timedOut: true, e);
                        }
                    }
                    catch (Exception e) when (number < MaxAttempts && IsTransient(e) && (retryUnreachable || !TransportFailures.SentNothing(e)) && !cancellationToken.IsCancellationRequested)
                    {
                    }
                }

                await time.Delay(RetryDelay(number), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The pause after failed attempt <paramref name="number"/>: 1 s, then doubling.</summary>
        internal static TimeSpan RetryDelay(int number) => TimeSpan.FromTicks(FirstRetryDelay.Ticks << (number - 1));

        /// <summary>A request to IAM with the module's request id and User-Agent, traced to the observer.</summary>
        public static HttpRequestMessage NewRequest(HttpMethod method, Uri uri, string requestId, IRequestObserver? observer)
        {
            var request = new HttpRequestMessage(method, uri);
            request.Headers.TryAddWithoutValidation(KooPhoneHeaders.RequestId, requestId);
            KooPhoneUserAgent.Stamp(request);
            RequestProperties.SetObserver(request, observer);
            return request;
        }

        /// <summary>
        /// IAM's refusal as an exception with all it said: the body's code, message, details and
        /// encoded denial in any of the shapes ServiceErrorBody reads (IAM's own, or the gateway's
        /// in front of it), else HTTP.&lt;status&gt; and the body as text, else
        /// <paramref name="fallbackMessage"/>; and IAM's trace id, which IAM's support asks for.
        /// </summary>
        public static KooPhoneApiException Refusal(string operation, HttpResponseMessage response, byte[] body, string requestId, string fallbackMessage)
        {
            var status = (int)response.StatusCode;
            var said = ServiceErrorBody.Read(body);
            var code = said?.Code ?? KooPhoneErrorCodes.ForHttpStatus(status);
            var message = said?.Message ?? ServiceErrorBody.RawText(body) ?? fallbackMessage;
            var serviceRequestId = ApiResponse.Differing(requestId, KooPhoneHeaders.AnsweredRequestId(response)) ?? ApiResponse.Differing(requestId, said?.RequestId);
            return new KooPhoneApiException(operation, code, message, status, requestId, serviceRequestId: serviceRequestId,
                encodedAuthorizationMessage: said?.EncodedAuthorizationMessage, details: said?.Details, iamTraceId: TraceId(response));
        }

        /// <summary>The X-IAM-Trace-Id of IAM's answer, or null.</summary>
        public static string? TraceId(HttpResponseMessage response) =>
            response.Headers.TryGetValues(TraceIdHeader, out var values) ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) : null;

        // IAM's own failures (5xx, 429) and a connection that failed; a refusal (4xx) is final.
        private static bool IsTransient(Exception e) =>
            (e is KooPhoneApiException api && (api.HttpStatus >= 500 || api.HttpStatus == 429)) || e is HttpRequestException || e is IOException;
    }
}
