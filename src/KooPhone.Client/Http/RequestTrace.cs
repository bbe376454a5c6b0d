using System;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// What may be said about one HTTP attempt: never a header value, so never a token,
    /// signature or key.
    /// </summary>
    internal sealed class RequestTrace
    {
        public RequestTrace(string method, string pathAndQuery, string? requestId, int? statusCode, long elapsedMilliseconds, Exception? failure)
        {
            Method = method;
            PathAndQuery = pathAndQuery;
            RequestId = requestId;
            StatusCode = statusCode;
            ElapsedMilliseconds = elapsedMilliseconds;
            Failure = failure;
        }

        public string Method { get; }

        public string PathAndQuery { get; }

        public string? RequestId { get; }

        public int? StatusCode { get; }

        public long ElapsedMilliseconds { get; }

        public Exception? Failure { get; }

        /// <summary>Set on the note that a failed attempt will be tried again after this wait.</summary>
        public TimeSpan? RetryDelay { get; private set; }

        /// <summary>The attempt the retry will be (every attempt of the call counts, throttled ones included).</summary>
        public int NextAttempt { get; private set; }

        /// <summary>
        /// How many attempts the call may have in all, as far as is known now: the first, the retries
        /// -MaxRetryCount allows, and the throttled ones so far (which do not count against it).
        /// Null on the note of a throttled retry, which the call's time limit bounds instead.
        /// </summary>
        public int? MaxAttempts { get; private set; }

        /// <summary>What went wrong, in words that follow "after" (RetryReason).</summary>
        public string? RetryReason { get; private set; }

        /// <summary>What bounds a retry that no attempt count bounds (throttling), in words; else null.</summary>
        public string? RetryAllowance { get; private set; }

        /// <summary>Something the engine learnt while calling that the user should see in -Verbose (never a secret).</summary>
        public string? Note { get; private set; }

        public static RequestTrace ForNote(string note) => new RequestTrace("", "", null, null, 0, null) { Note = note };

        public static RequestTrace ForRetry(System.Net.Http.HttpRequestMessage request, int nextAttempt, int? maxAttempts, TimeSpan delay, string reason, string? allowance)
        {
            var requestId = request.Headers.TryGetValues(KooPhoneHeaders.RequestId, out var values) ? System.Linq.Enumerable.FirstOrDefault(values) : null;
            return new RequestTrace(request.Method.Method, request.RequestUri?.PathAndQuery ?? "", requestId, null, 0, null)
            {
                RetryDelay = delay,
                NextAttempt = nextAttempt,
                MaxAttempts = maxAttempts,
                RetryReason = reason,
                RetryAllowance = allowance,
            };
        }

        public override string ToString()
        {
            if (Note != null)
            {
                return Note;
            }

            var call = $"{Method} {PathAndQuery} (request id {RequestId ?? "none"})";
            if (RetryDelay.HasValue)
            {
                var attempt = MaxAttempts.HasValue ? $"attempt {NextAttempt} of {MaxAttempts.Value}" : $"attempt {NextAttempt}";
                var wait = RetryDelay.Value.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
                return $"{call}: {attempt} in {wait} s, after {RetryReason}{(RetryAllowance == null ? "" : "; " + RetryAllowance)}";
            }

            return StatusCode.HasValue
                ? $"{call} HTTP {StatusCode.Value} in {ElapsedMilliseconds} ms"
                : $"{call} failed in {ElapsedMilliseconds} ms: {(Failure == null ? "no answer" : TransportFailureText.Describe(Failure))}";
        }
    }
}
