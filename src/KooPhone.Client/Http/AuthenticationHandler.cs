using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Auth;

namespace KooPhone.Client.Http
{
    /// <summary>Applies the context's credentials to each attempt, so a retry is re-signed.</summary>
    internal sealed class AuthenticationHandler : DelegatingHandler
    {
        private readonly IRequestAuthenticator _authenticator;

        public AuthenticationHandler(IRequestAuthenticator authenticator)
        {
            _authenticator = authenticator;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await _authenticator.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
