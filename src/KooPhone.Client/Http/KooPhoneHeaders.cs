using System.Linq;
using System.Net.Http;

namespace KooPhone.Client.Http
{
    internal static class KooPhoneHeaders
    {
        /// <summary>The message-tracing id; a header on every call, a query parameter too for ListInstances (docs/api-reference.md §2.2).</summary>
        public const string RequestId = "x-request-id";

        /// <summary>The request id the answer carries in X-Request-Id, or null; the SDK reads the same header.</summary>
        public static string? AnsweredRequestId(HttpResponseMessage response) =>
            response.Headers.TryGetValues(RequestId, out var values) ? values.FirstOrDefault() : null;
    }
}
