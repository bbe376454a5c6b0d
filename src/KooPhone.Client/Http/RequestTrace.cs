using System;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// What may be said about one HTTP attempt: never a header value, so never a token,
    /// signature or key.
    /// </summary>
    public sealed class RequestTrace
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

        /// <summary>The attempt the retry will be.</summary>
        public int NextAttempt { get; private set; }

        /// <summary>What went wrong, in words (RetryReason).</summary>
        public string? RetryReason { get; private set; }

        /// <summary>What bounds the retries of this kind, in words: a count, or the call's time cap for throttling.</summary>
        public string? RetryAllowance { get; private set; }

        /// <summary>Something the engine learnt while calling that the user should see in -Verbose (never a secret).</summary>
        public string? Note { get; private set; }

        public static RequestTrace ForNote(string note) => new RequestTrace("", "", null, null, 0, null) { Note = note };

        public static RequestTrace ForRetry(System.Net.Http.HttpRequestMessage request, int nextAttempt, TimeSpan delay, string reason, string allowance)
        {
            var requestId = request.Headers.TryGetValues(KooPhoneHeaders.RequestId, out var values) ? System.Linq.Enumerable.FirstOrDefault(values) : null;
            return new RequestTrace(request.Method.Method, request.RequestUri?.PathAndQuery ?? "", requestId, null, 0, null)
            {
                RetryDelay = delay,
                NextAttempt = nextAttempt,
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

            if (RetryDelay.HasValue)
            {
                return $"{Method} {PathAndQuery} (request id {RequestId ?? "none"}): {RetryReason}; trying again in {RetryDelay.Value.TotalSeconds:0.0} s, attempt {NextAttempt} ({RetryAllowance})";
            }

            var outcome = StatusCode.HasValue ? "HTTP " + StatusCode.Value : "failed: " + Failure?.GetType().Name + ": " + Failure?.Message;
            return $"{Method} {PathAndQuery} (request id {RequestId ?? "none"}) {outcome} in {ElapsedMilliseconds} ms";
        }
    }
}
