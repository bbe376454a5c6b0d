using System.Net.Http;

namespace KooPhone.Client.Api
{
    /// <summary>One logical call: it keeps its x-request-id across every attempt that carries it.</summary>
    internal sealed class ApiCall
    {
        public ApiCall(KooPhoneOperation operation, string pathAndQuery, object? body, string requestId)
        {
            Operation = operation;
            PathAndQuery = pathAndQuery;
            Body = body;
            RequestId = requestId;
        }

        /// <summary>The API operation: its method, its success shape, and whether any failure may be retried.</summary>
        public KooPhoneOperation Operation { get; }

        public HttpMethod Method => Operation.Method;

        /// <summary>Relative to the context's endpoint, e.g. v1/instances/backup (no leading slash, so an endpoint path prefix is kept).</summary>
        public string PathAndQuery { get; }

        public object? Body { get; }

        public string RequestId { get; }
    }
}
