using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Http;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Obtains project-scoped tokens from IAM with a user name and password (docs/api-reference.md §7.1): the
    /// token comes back in the X-Subject-Token header, its expiry in the body's token.expires_at.
    /// </summary>
    internal sealed class IamTokenClient : IamEndpointClient
    {
        public const string Operation = "KeystoneCreateUserTokenByPassword";
        private const string SubjectTokenHeader = "X-Subject-Token";

        public IamTokenClient(Uri iamEndpoint, HttpClient? http = null, TimeSpan? attemptTimeout = null)
            : base(Operation, iamEndpoint, http, attemptTimeout)
        {
        }

        // time: the clock of the pauses between attempts. Internal, as TimeProvider stays out of public
        // signatures for the reason KooPhoneClock gives.
        internal async Task<IamToken> CreateTokenAsync(string userName, SecureString password, string domainName, IamScope scope, IRequestObserver? observer, TimeProvider time, CancellationToken cancellationToken, bool retryUnreachable)
        {
            var body = PasswordBody(userName, password, domainName, scope);
            var requestId = Guid.NewGuid().ToString("D");
            try
            {
                return await IamCalls.WithRetriesAsync(Operation, requestId, token => RequestTokenAsync(body, requestId, observer, token), time, AttemptTimeout, cancellationToken, retryUnreachable).ConfigureAwait(false);
            }
            finally
            {
                // The body held the password in clear; it does not outlive the call.
                Array.Clear(body, 0, body.Length);
            }
        }

        private async Task<IamToken> RequestTokenAsync(byte[] body, string requestId, IRequestObserver? observer, CancellationToken cancellationToken)
        {
            using (var request = IamCalls.NewRequest(HttpMethod.Post, new Uri(Endpoint, "v3/auth/tokens?nocatalog=true"), requestId, observer))
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                return await SendAsync(
                    request,
                    requestId,
                    status => status == 401 ? "IAM refused the user name, password or domain name." : "IAM refused the token request.",
                    (response, bytes, status) =>
                    {
                        var token = response.Headers.TryGetValues(SubjectTokenHeader, out var values) ? values.FirstOrDefault() : null;
                        if (string.IsNullOrEmpty(token))
                        {
                            throw new KooPhoneApiException(Operation, KooPhoneErrorCodes.MalformedResponse, "IAM answered without an X-Subject-Token header.", status, requestId, iamTraceId: IamCalls.TraceId(response));
                        }

                        var (expiresAt, projectId) = ReadTokenBody(bytes, status, requestId, IamCalls.TraceId(response));
                        return new IamToken(SecretText.Protect(token!), expiresAt, projectId);
                    },
                    cancellationToken).ConfigureAwait(false);
            }
        }

        private static byte[] PasswordBody(string userName, SecureString password, string domainName, IamScope scope)
        {
            using (var stream = new MemoryStream())
            {
                using (var json = new Utf8JsonWriter(stream))
                {
                    json.WriteStartObject();
                    json.WriteStartObject("auth");
                    json.WriteStartObject("identity");
                    json.WriteStartArray("methods");
                    json.WriteStringValue("password");
                    json.WriteEndArray();
                    json.WriteStartObject("password");
                    json.WriteStartObject("user");
                    json.WriteString("name", userName);
                    json.WriteString("password", SecretText.Reveal(password));
                    json.WriteStartObject("domain");
                    json.WriteString("name", domainName);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteStartObject("scope");
                    json.WriteStartObject("project");
                    if (scope.ProjectId != null)
                    {
                        json.WriteString("id", scope.ProjectId);
                    }
                    else
                    {
                        json.WriteString("name", scope.ProjectName);
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                var buffer = stream.GetBuffer();
                var body = stream.ToArray();
                Array.Clear(buffer, 0, buffer.Length);
                return body;
            }
        }

        private static (DateTime ExpiresAt, string? ProjectId) ReadTokenBody(byte[] bytes, int status, string requestId, string? traceId)
        {
            try
            {
                using (var document = JsonDocument.Parse(bytes))
                {
                    var token = document.RootElement.GetProperty("token");
                    var expires = DateTime.Parse(token.GetProperty("expires_at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                    string? projectId = null;
                    if (token.TryGetProperty("project", out var project) && project.ValueKind == JsonValueKind.Object && project.TryGetProperty("id", out var id))
                    {
                        projectId = id.GetString();
                    }

                    return (expires, projectId);
                }
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException || e is FormatException || e is ArgumentNullException)
            {
                throw new KooPhoneApiException(Operation, KooPhoneErrorCodes.MalformedResponse, "IAM's answer has no readable token.expires_at.", status, requestId, iamTraceId: traceId);
            }
        }
    }
}
