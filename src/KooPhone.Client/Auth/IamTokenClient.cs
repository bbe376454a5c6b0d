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
    /// Obtains project-scoped tokens from IAM with a user name and password (reference 7.1): the
    /// token comes back in the X-Subject-Token header, its expiry in the body's token.expires_at.
    /// </summary>
    public sealed class IamTokenClient
    {
        public const string Operation = "KeystoneCreateUserTokenByPassword";
        private const string SubjectTokenHeader = "X-Subject-Token";

        // One client for every IAM call of the process: IAM is asked rarely (once a day per context).
        private static readonly Lazy<HttpClient> SharedHttp = new Lazy<HttpClient>(() => new HttpClient(new RequestTraceHandler { InnerHandler = new HttpClientHandler() }));

        private readonly Uri _iamEndpoint;
        private readonly HttpClient _http;

        public IamTokenClient(Uri iamEndpoint, HttpClient? http = null)
        {
            _iamEndpoint = iamEndpoint ?? throw new ArgumentNullException(nameof(iamEndpoint));
            _http = http ?? SharedHttp.Value;
        }

        public Uri Endpoint => _iamEndpoint;

        /// <summary>The regional IAM endpoint, e.g. https://iam.cn-north-4.myhuaweicloud.com.</summary>
        public static Uri DefaultEndpointFor(string region) => new Uri("https://iam." + region + ".myhuaweicloud.com");

        /// <summary>Attempts of one token request: asking for a token again is harmless, so IAM's failures are retried like a read's.</summary>
        internal const int MaxAttempts = 3;

        private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

        public async Task<IamToken> CreateTokenAsync(string userName, SecureString password, string domainName, IamScope scope, IRequestObserver? observer, CancellationToken cancellationToken, bool retryUnreachable = true)
        {
            var body = PasswordBody(userName, password, domainName, scope);
            var requestId = Guid.NewGuid().ToString("D");
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        return await RequestTokenAsync(body, requestId, observer, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (attempt < MaxAttempts && IsTransient(e) && (retryUnreachable || !TransportFailures.SentNothing(e)) && !cancellationToken.IsCancellationRequested)
                    {
                        await Task.Delay(TimeSpan.FromTicks(FirstRetryDelay.Ticks << (attempt - 1)), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                // The body held the password in clear; it does not outlive the call.
                Array.Clear(body, 0, body.Length);
            }
        }

        // IAM's own failures (5xx, 429) and a connection that failed; a refusal (4xx) is final.
        private static bool IsTransient(Exception e) =>
            (e is KooPhoneApiException api && (api.HttpStatus >= 500 || api.HttpStatus == 429)) || e is HttpRequestException || e is IOException;

        private async Task<IamToken> RequestTokenAsync(byte[] body, string requestId, IRequestObserver? observer, CancellationToken cancellationToken)
        {
            using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_iamEndpoint, "v3/auth/tokens?nocatalog=true")))
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.TryAddWithoutValidation("x-request-id", requestId);
                RequestProperties.SetObserver(request, observer);
                using (var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (status >= 300)
                    {
                        throw IamError(status, bytes, requestId);
                    }

                    var token = response.Headers.TryGetValues(SubjectTokenHeader, out var values) ? values.FirstOrDefault() : null;
                    if (string.IsNullOrEmpty(token))
                    {
                        throw new KooPhoneApiException(Operation, KooPhoneErrorCodes.MalformedResponse, "IAM answered without an X-Subject-Token header.", status, requestId);
                    }

                    var (expiresAt, projectId) = ReadTokenBody(bytes, status, requestId);
                    return new IamToken(SecretText.Protect(token!), expiresAt, projectId);
                }
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

        private static (DateTime ExpiresAt, string? ProjectId) ReadTokenBody(byte[] bytes, int status, string requestId)
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
                throw new KooPhoneApiException(Operation, KooPhoneErrorCodes.MalformedResponse, "IAM's answer has no readable token.expires_at.", status, requestId);
            }
        }

        private static KooPhoneApiException IamError(int status, byte[] bytes, string requestId)
        {
            // IAM errors look like {"error":{"code":401,"message":"...","title":"Unauthorized"}}.
            string code = "IAM." + status.ToString(CultureInfo.InvariantCulture);
            string message = status == 401 ? "IAM refused the user name, password or domain name." : "IAM refused the token request.";
            try
            {
                using (var document = JsonDocument.Parse(bytes))
                {
                    if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                    {
                        if (error.TryGetProperty("code", out var c))
                        {
                            code = "IAM." + (c.ValueKind == JsonValueKind.String ? c.GetString() : c.GetRawText());
                        }

                        if (error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                        {
                            message = m.GetString()!;
                        }
                    }
                }
            }
            catch (JsonException)
            {
            }

            return new KooPhoneApiException(Operation, code, message, status, requestId);
        }
    }
}
