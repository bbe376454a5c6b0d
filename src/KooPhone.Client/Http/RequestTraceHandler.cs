using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// Innermost handler: reports each attempt (method, path, request id, status, time) to the
    /// request's observer. It reads no header but x-request-id, so no secret can leak through it.
    /// </summary>
    internal sealed class RequestTraceHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var observer = RequestProperties.GetObserver(request);
            if (observer == null)
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            var requestId = request.Headers.TryGetValues(KooPhoneHeaders.RequestId, out var values) ? values.FirstOrDefault() : null;
            var path = request.RequestUri?.PathAndQuery ?? "";
            var stopwatch = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                observer.OnAttemptCompleted(new RequestTrace(request.Method.Method, path, requestId, (int)response.StatusCode, stopwatch.ElapsedMilliseconds, null));
                return response;
            }
            catch (Exception e)
            {
                observer.OnAttemptCompleted(new RequestTrace(request.Method.Method, path, requestId, null, stopwatch.ElapsedMilliseconds, e));
                throw;
            }
        }
    }
}
