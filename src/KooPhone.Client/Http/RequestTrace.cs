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

        public override string ToString()
        {
            var outcome = StatusCode.HasValue ? "HTTP " + StatusCode.Value : "failed: " + Failure?.GetType().Name + ": " + Failure?.Message;
            return $"{Method} {PathAndQuery} (request id {RequestId ?? "none"}) {outcome} in {ElapsedMilliseconds} ms";
        }
    }
}
