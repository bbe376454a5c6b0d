using System;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Sends a token the user already holds as X-Auth-Token. It cannot renew itself. The project
    /// is the token's own scope when IAM named it (Connect-KooPhone asks); the token carries it,
    /// so it is shown, never sent.
    /// </summary>
    internal sealed class TokenAuthenticator : IRequestAuthenticator
    {
        public const string HeaderName = "X-Auth-Token";

        private readonly SecureString _token;

        public TokenAuthenticator(SecureString token, string? projectId = null)
        {
            ProjectId = string.IsNullOrWhiteSpace(projectId) ? null : projectId;
            if (token == null || token.Length == 0)
            {
                throw new ArgumentException("The token is empty.", nameof(token));
            }

            _token = token.Copy();
            _token.MakeReadOnly();
        }

        public AuthenticationMode Mode => AuthenticationMode.Token;

        public string? Account => null;

        public string? ProjectId { get; }

        public Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(HeaderName);
            request.Headers.TryAddWithoutValidation(HeaderName, SecretText.Reveal(_token));
            return Task.CompletedTask;
        }

        public void Dispose() => _token.Dispose();
    }
}
