using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Auth;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// When the service answers 401 (APIGW.0301: the token was refused, say because IAM revoked
    /// it early) and the context can renew, renews once and sends the request again. A context
    /// holding a token the user gave cannot renew, so its 401 is final.
    /// </summary>
    internal sealed class RenewOnUnauthorizedHandler : DelegatingHandler
    {
        private readonly IRenewableAuthenticator _authenticator;

        public RenewOnUnauthorizedHandler(IRenewableAuthenticator authenticator)
        {
            _authenticator = authenticator;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            response.Dispose();
            _authenticator.Invalidate(request);
            // The same message again: the authentication handler below puts the new token on it.
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
