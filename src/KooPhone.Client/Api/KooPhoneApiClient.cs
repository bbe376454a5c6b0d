using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api.Wire;
using KooPhone.Client.Connection;
using KooPhone.Client.Http;
using Polly.Timeout;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// Sends one logical KooPhone call: serializes the body once to the bytes that are hashed and
    /// sent, stamps a fresh x-request-id, and reads the answer as raw bytes for the envelope
    /// reader. Cheap to create: one per cmdlet call, over the context's shared HttpClient.
    /// The operations themselves live in the partial files beside this one; the call shapes they
    /// share (read an answer's data, send an action, submit a task, build a query string) live here.
    /// </summary>
    internal sealed partial class KooPhoneApiClient
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
        internal KooPhoneApiClient(KooPhoneContext context, IRequestObserver? observer = null, bool failFastWhenUnreachable = false)
        {
            _context = context ?? throw new ArgumentNullException(nameof(context));
            _observer = observer;
            _failFastWhenUnreachable = failFastWhenUnreachable;
        }

        internal KooPhoneContext Context => _context;

        /// <summary>The context's clock: what the cmdlets time and wait by.</summary>
        internal KooPhoneClock Clock => _context.Clock;

        internal async Task<ApiResponse> SendAsync(ApiCall call, CancellationToken cancellationToken)
        {
            var body = call.Body == null ? null : JsonSerializer.SerializeToUtf8Bytes(call.Body, call.Body.GetType(), KooPhoneJson.Options);
            using (var request = new HttpRequestMessage(call.Method, call.PathAndQuery))
            {
                request.Headers.TryAddWithoutValidation(KooPhoneHeaders.RequestId, call.RequestId);
                KooPhoneUserAgent.Stamp(request);
                // The SDK declares application/json for every KooPhone operation, GETs included (docs/api-reference.md §2.2).
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

        /// <summary>Sends one call and reads the data of its answer; the shape of every call that answers with data.</summary>
        private async Task<Answer<T>> ReadAsync<T>(KooPhoneOperation operation, string pathAndQuery, object? body, CancellationToken cancellationToken, string? requestId = null)
            where T : class
        {
            var call = new ApiCall(operation, pathAndQuery, body, requestId ?? NewRequestId());
            var response = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            return new Answer<T>(ResponseEnvelope.ReadData<T>(response, KooPhoneJson.Options), call.RequestId, response.ServiceRequestId);
        }

        /// <summary>A call whose answer carries no data: success is the envelope's "0".</summary>
        private async Task<ActionReceipt> SendActionAsync(KooPhoneOperation operation, object? body, CancellationToken cancellationToken)
        {
            var requestId = NewRequestId();
            var response = await SendAsync(new ApiCall(operation, operation.RelativePath(), body, requestId), cancellationToken).ConfigureAwait(false);
            ResponseEnvelope.EnsureSuccess(response, KooPhoneJson.Options);
            return new ActionReceipt(operation, requestId, _context.Time.GetUtcNow().UtcDateTime, response.ServiceRequestId);
        }

        /// <summary>The shape every task-returning batch call shares: task_id and cmd_jobs are mandatory (docs/operations.md).</summary>
        private async Task<BatchSubmission> SubmitTaskAsync(KooPhoneOperation operation, object body, CancellationToken cancellationToken)
        {
            var submittedAt = _context.Time.GetUtcNow().UtcDateTime;
            var answer = await ReadAsync<TaskData>(operation, operation.RelativePath(), body, cancellationToken).ConfigureAwait(false);
            var data = answer.Data.TaskId == null && answer.Data.Nested != null ? answer.Data.Nested : answer.Data;
            var jobIds = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var job in data.CmdJobs ?? new List<CmdJob>())
            {
                if (!string.IsNullOrEmpty(job.InstanceId) && !string.IsNullOrEmpty(job.JobId))
                {
                    jobIds[job.InstanceId!] = job.JobId!;
                }
            }

            return new BatchSubmission(operation, data.TaskId!, jobIds, answer.RequestId, submittedAt, answer.ServiceRequestId);
        }

        /// <summary>A path with its query string: parameters without a value are left out, values are escaped.</summary>
        private static string WithQuery(string path, params (string Name, string? Value)[] parameters)
        {
            var text = new System.Text.StringBuilder(path);
            var separator = '?';
            foreach (var (name, value) in parameters)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    text.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                    separator = '&';
                }
            }

            return text.ToString();
        }

        private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

        private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

        // FileLoadException and FileNotFoundException are IOExceptions too, but a missing assembly is
        // no network failure and must not be reported as one.
        private static bool IsTransport(Exception e) =>
            e is HttpRequestException || e is TimeoutRejectedException || e is OperationCanceledException
            || (e is System.IO.IOException && !(e is System.IO.FileLoadException) && !(e is System.IO.FileNotFoundException));

        internal static string NewRequestId() => Guid.NewGuid().ToString("D");

        /// <summary>The data of an answer with the two ids that name its call.</summary>
        private readonly struct Answer<T>
        {
            public Answer(T data, string requestId, string? serviceRequestId)
            {
                Data = data;
                RequestId = requestId;
                ServiceRequestId = serviceRequestId;
            }

            public T Data { get; }

            public string RequestId { get; }

            public string? ServiceRequestId { get; }
        }
    }
}
