using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Connection;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// One kind of call to IAM (a password token, a project lookup, a token's scope): where IAM
    /// is, the HttpClient (IamCalls' shared one unless a test gives its own), how long one attempt
    /// may take, and the send that turns an answer of 300 or more into IAM's refusal.
    /// </summary>
    internal abstract class IamEndpointClient
    {
        private readonly string _operation;
        private readonly HttpClient _http;

        // attemptTimeout: how long one attempt may take (the connection's -Timeout; 30 s when null).
        protected IamEndpointClient(string operation, Uri iamEndpoint, HttpClient? http, TimeSpan? attemptTimeout)
        {
            _operation = operation;
            Endpoint = iamEndpoint ?? throw new ArgumentNullException(nameof(iamEndpoint));
            _http = http ?? IamCalls.SharedHttp.Value;
            AttemptTimeout = attemptTimeout ?? KooPhoneConnectionOptions.Default.AttemptTimeout;
        }

        public Uri Endpoint { get; }

        public TimeSpan AttemptTimeout { get; }

        /// <summary>
        /// Sends <paramref name="request"/>; a refusal throws IAM's error with what
        /// <paramref name="refusal"/> says of its status, anything else is <paramref name="read"/>
        /// (the answer, its body, its status).
        /// </summary>
        protected async Task<T> SendAsync<T>(HttpRequestMessage request, string requestId, Func<int, string> refusal, Func<HttpResponseMessage, byte[], int, T> read, CancellationToken cancellationToken)
        {
            using (var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false))
            {
                var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status >= 300)
                {
                    throw IamCalls.Refusal(_operation, response, bytes, requestId, refusal(status));
                }

                return read(response, bytes, status);
            }
        }
    }
}
