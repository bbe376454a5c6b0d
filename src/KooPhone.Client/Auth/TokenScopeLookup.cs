using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Http;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Asks IAM which project a token is scoped to, so Connect-KooPhone can check -Region against
    /// the token instead of taking it on trust: Keystone's token validation, GET
    /// /v3/auth/tokens?nocatalog=true with the token to check in X-Subject-Token, answered with the
    /// body a new token gets ({"token":{…,"project":{"id","name"}}}). The token presents itself as
    /// X-Auth-Token too: IAM lets any token validate itself, while validating another needs the
    /// Security Administrator role (docs/api-reference.md §7.2; the KooPhone pages do not describe
    /// the call, which is Keystone's as Huawei's IAM SDKs model it [UNCONFIRMED]).
    /// </summary>
    internal sealed class TokenScopeLookup : IamEndpointClient
    {
        public const string Operation = "KeystoneValidateToken";
        private const string SubjectTokenHeader = "X-Subject-Token";

        public TokenScopeLookup(Uri iamEndpoint, HttpClient? http = null, TimeSpan? attemptTimeout = null)
            : base(Operation, iamEndpoint, http, attemptTimeout)
        {
        }

        /// <summary>
        /// The token's scope. IAM's refusal (a token it does not know or that expired, a validation
        /// it does not allow) comes out as KooPhoneApiException with IAM's code; a host that refuses
        /// the connection or cannot be found is asked once (Connect-KooPhone says so at once).
        /// </summary>
        public Task<TokenScope> FindAsync(SecureString token, IRequestObserver? observer, CancellationToken cancellationToken)
        {
            var requestId = KooPhoneApiClient.NewRequestId();
            return IamCalls.WithRetriesAsync(Operation, requestId, attempt => AskAsync(token, requestId, observer, attempt), TimeProvider.System, AttemptTimeout, cancellationToken, retryUnreachable: false);
        }

        private async Task<TokenScope> AskAsync(SecureString token, string requestId, IRequestObserver? observer, CancellationToken cancellationToken)
        {
            using (var request = IamCalls.NewRequest(HttpMethod.Get, new Uri(Endpoint, "v3/auth/tokens?nocatalog=true"), requestId, observer))
            {
                var text = SecretText.Reveal(token);
                request.Headers.TryAddWithoutValidation(TokenAuthenticator.HeaderName, text);
                request.Headers.TryAddWithoutValidation(SubjectTokenHeader, text);
                return await SendAsync(
                    request,
                    requestId,
                    status => status == 401 || status == 404 ? "IAM does not accept the token: it is wrong, expired or revoked." : "IAM would not say what the token is scoped to.",
                    (_, bytes, status) => ReadScope(bytes, status, requestId),
                    cancellationToken).ConfigureAwait(false);
            }
        }

        private static string? StringMember(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static TokenScope ReadScope(byte[] bytes, int status, string requestId)
        {
            try
            {
                using (var document = JsonDocument.Parse(bytes))
                {
                    var token = document.RootElement.GetProperty("token");
                    if (!token.TryGetProperty("project", out var project) || project.ValueKind != JsonValueKind.Object)
                    {
                        return new TokenScope(null, null);
                    }

                    return new TokenScope(StringMember(project, "id"), StringMember(project, "name"));
                }
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException)
            {
                throw new KooPhoneApiException(Operation, KooPhoneErrorCodes.MalformedResponse, "IAM's answer has no readable 'token' object.", status, requestId);
            }
        }
    }
}
