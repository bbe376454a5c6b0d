using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Connection;
using KooPhone.Client.Http;
using Polly.Timeout;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// Sends one logical KooPhone call: serializes the body once to the bytes that are hashed and
    /// sent, stamps a fresh x-request-id, and reads the answer as raw bytes for the envelope
    /// reader. Cheap to create: one per cmdlet call, over the context's shared HttpClient.
    /// The operations themselves live in the partial files beside this one.
    /// </summary>
    public sealed partial class KooPhoneApiClient
    {
        private static readonly MediaTypeHeaderValue JsonMediaType = new MediaTypeHeaderValue("application/json");

        private readonly KooPhoneContext _context;
        private readonly IRequestObserver? _observer;
        private readonly bool _failFastWhenUnreachable;

        /// <param name="context">The connection the calls go over.</param>
        /// <param name="observer">Sees every attempt (for -Verbose), or null.</param>
        /// <param name="failFastWhenUnreachable">
        /// True for a connection check: a host that refuses or cannot be found fails at the first
        /// attempt instead of being retried, since that means a wrong address rather than a blip.
        /// </param>
        public KooPhoneApiClient(KooPhoneContext context, IRequestObserver? observer = null, bool failFastWhenUnreachable = false)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
            _observer = observer;
            _failFastWhenUnreachable = failFastWhenUnreachable;
        }

        public KooPhoneContext Context => _context;

        internal async Task<ApiResponse> SendAsync(ApiCall call, CancellationToken cancellationToken)
        {
            var body = call.Body == null ? null : JsonSerializer.SerializeToUtf8Bytes(call.Body, call.Body.GetType(), KooPhoneJson.Options);
            using (var request = new HttpRequestMessage(call.Method, call.PathAndQuery))
            {
                request.Headers.TryAddWithoutValidation(KooPhoneHeaders.RequestId, call.RequestId);
                KooPhoneUserAgent.Stamp(request);
                // The SDK declares application/json for every KooPhone operation, GETs included (reference 2.2).
                request.Content = new ByteArrayContent(body ?? Array.Empty<byte>());
                request.Content.Headers.ContentType = JsonMediaType;
                RequestProperties.SetObserver(request, _observer);
                RequestProperties.SetIdempotent(request, call.Operation.IsSafeToRepeat);
                RequestProperties.SetFailFastWhenUnreachable(request, _failFastWhenUnreachable);

                try
                {
                    using (var response = await _context.HttpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
                    {
                        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                        var contentType = response.Content.Headers.ContentType?.MediaType;
                        return new ApiResponse(call.Operation, (int)response.StatusCode, bytes, contentType, call.RequestId, RequestProperties.GetAttempts(request), KooPhoneHeaders.AnsweredRequestId(response));
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTransport(e))
                {
                    var outcomeUnknown = call.Operation.ChangesState && !TransportFailures.SentNothing(e);
                    throw new KooPhoneConnectionException(call.Operation.Name, call.RequestId, RequestProperties.GetAttempts(request), e is TimeoutRejectedException || e is OperationCanceledException, e, outcomeUnknown);
                }
            }
        }

        // FileLoadException and FileNotFoundException are IOExceptions too, but a missing assembly is
        // no network failure and must not be reported as one.
        private static bool IsTransport(Exception e) =>
            e is HttpRequestException || e is TimeoutRejectedException || e is OperationCanceledException
            || (e is System.IO.IOException && !(e is System.IO.FileLoadException) && !(e is System.IO.FileNotFoundException));

        internal static string NewRequestId() => Guid.NewGuid().ToString("D");
    }
}
