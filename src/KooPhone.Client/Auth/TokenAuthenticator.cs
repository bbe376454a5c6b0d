using System;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace KooPhone.Client.Auth
{
    /// <summary>Sends a token the user already holds as X-Auth-Token. It cannot renew itself.</summary>
    internal sealed class TokenAuthenticator : IRequestAuthenticator
    {
        public const string HeaderName = "X-Auth-Token";

        private readonly SecureString _token;

        public TokenAuthenticator(SecureString token)
        {
            if (token == null || token.Length == 0)
            {
                throw new ArgumentException("The token is empty.", nameof(token));
            }

            _token = token.Copy();
            _token.MakeReadOnly();
        }

        public AuthenticationMode Mode => AuthenticationMode.Token;

        public string? Account => null;

        public string? ProjectId => null;

        public Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(HeaderName);
            request.Headers.TryAddWithoutValidation(HeaderName, SecretText.Reveal(_token));
            return Task.CompletedTask;
        }

        public void Dispose() => _token.Dispose();
    }
}
