using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Signs every attempt with the access key and secret key (SDK-HMAC-SHA256, reference 8), over
    /// the exact body bytes sent and a fresh X-Sdk-Date, so a retry carries a new signature.
    /// Signs host, x-sdk-date, x-project-id and, when present, x-request-id and x-security-token.
    /// </summary>
    public sealed class AccessKeyAuthenticator : IRequestAuthenticator
    {
        public const string DateHeader = "X-Sdk-Date";
        public const string ProjectHeader = "X-Project-Id";
        public const string SecurityTokenHeader = "X-Security-Token";
        private const string RequestIdHeader = "x-request-id";

        private readonly string _accessKey;
        private readonly SecureString _secretKey;
        private readonly SecureString? _securityToken;
        private readonly Func<DateTime> _clock;
        private readonly string _projectId;

        public AccessKeyAuthenticator(string accessKey, SecureString secretKey, string projectId, SecureString? securityToken = null, Func<DateTime>? clock = null)
        {
            if (string.IsNullOrWhiteSpace(accessKey))
            {
                throw new ArgumentException("The access key is empty.", nameof(accessKey));
            }

            if (secretKey == null || secretKey.Length == 0)
            {
                throw new ArgumentException("The secret key is empty.", nameof(secretKey));
            }

            if (string.IsNullOrWhiteSpace(projectId))
            {
                // [UNCONFIRMED] whether KooPhone needs X-Project-Id with AK/SK; the SDK always sends it (reference 7.3).
                throw new ArgumentException("AK/SK signing needs the project id (X-Project-Id).", nameof(projectId));
            }

            _accessKey = accessKey.Trim();
            _secretKey = secretKey.Copy();
            _secretKey.MakeReadOnly();
            _securityToken = securityToken?.Copy();
            _securityToken?.MakeReadOnly();
            _projectId = projectId.Trim();
            _clock = clock ?? (() => DateTime.UtcNow);
        }

        public AuthenticationMode Mode => AuthenticationMode.AccessKey;

        public string? ProjectId => _projectId;

        /// <summary>The access key id is not a secret; it is shown so users can tell contexts apart.</summary>
        public string? Account => _accessKey;

        public async Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content == null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var date = _clock().ToString(SdkHmacSigner.DateFormat, CultureInfo.InvariantCulture);
            var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");

            SetHeader(request, DateHeader, date);
            SetHeader(request, ProjectHeader, _projectId);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["host"] = SdkHmacSigner.HostOf(uri),
                [DateHeader] = date,
                [ProjectHeader] = _projectId,
            };

            if (request.Headers.TryGetValues(RequestIdHeader, out var requestIds))
            {
                headers[RequestIdHeader] = requestIds.First();
            }

            if (_securityToken != null)
            {
                var token = SecretText.Reveal(_securityToken);
                SetHeader(request, SecurityTokenHeader, token);
                headers[SecurityTokenHeader] = token;
            }

            var signing = new SigningRequest(request.Method.Method, uri, headers, body);
            var key = Encoding.UTF8.GetBytes(SecretText.Reveal(_secretKey));
            try
            {
                request.Headers.Remove("Authorization");
                request.Headers.TryAddWithoutValidation("Authorization", SdkHmacSigner.Authorization(signing, _accessKey, key, date));
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }

        public void Dispose()
        {
            _secretKey.Dispose();
            _securityToken?.Dispose();
        }

        private static void SetHeader(HttpRequestMessage request, string name, string value)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
