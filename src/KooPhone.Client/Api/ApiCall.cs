using System.Net.Http;

namespace KooPhone.Client.Api
{
    /// <summary>One logical call: it keeps its x-request-id across every attempt that carries it.</summary>
    internal sealed class ApiCall
    {
        public ApiCall(string operation, HttpMethod method, string pathAndQuery, object? body, string requestId, bool isIdempotent = false)
        {
            Operation = operation;
            Method = method;
            PathAndQuery = pathAndQuery;
            Body = body;
            RequestId = requestId;
            IsIdempotent = isIdempotent || method == HttpMethod.Get;
        }

        /// <summary>True when sending it twice changes nothing (reads), so any server failure may be retried.</summary>
        public bool IsIdempotent { get; }

        /// <summary>The operation's name in the API reference, used in error messages.</summary>
        public string Operation { get; }

        public HttpMethod Method { get; }

        /// <summary>Relative to the context's endpoint, e.g. v1/instances/backup (no leading slash, so an endpoint path prefix is kept).</summary>
        public string PathAndQuery { get; }

        public object? Body { get; }

        public string RequestId { get; }
    }
}
