using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Threading.Tasks;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Signs one HTTP attempt with an access key and secret key (SDK-HMAC-SHA256, docs/authentication.md),
    /// over the exact body bytes sent and a fresh X-Sdk-Date. Signs host, x-sdk-date and, when
    /// present, x-project-id, x-request-id and x-security-token. KooPhone calls carry the project;
    /// the IAM project lookup, which finds it, goes without, as the SDK's does.
    /// </summary>
    internal sealed class AccessKeySigner : IDisposable
    {
        public const string DateHeader = "X-Sdk-Date";
        public const string ProjectHeader = "X-Project-Id";
        public const string SecurityTokenHeader = "X-Security-Token";
        private const string RequestIdHeader = "x-request-id";

        private readonly SecureString _secretKey;
        private readonly SecureString? _securityToken;

        public AccessKeySigner(string accessKey, SecureString secretKey, SecureString? securityToken, TimeProvider? time)
        {
            if (string.IsNullOrWhiteSpace(accessKey))
            {
                throw new ArgumentException("The access key is empty.", nameof(accessKey));
            }

            if (secretKey == null || secretKey.Length == 0)
            {
                throw new ArgumentException("The secret key is empty.", nameof(secretKey));
            }

            AccessKey = accessKey.Trim();
            _secretKey = secretKey.Copy();
            _secretKey.MakeReadOnly();
            _securityToken = securityToken?.Copy();
            _securityToken?.MakeReadOnly();
            Time = time ?? TimeProvider.System;
        }

        /// <summary>The access key id; not a secret.</summary>
        public string AccessKey { get; }

        /// <summary>The clock of X-Sdk-Date, and of the pauses between attempts of calls it signs for IAM.</summary>
        internal TimeProvider Time { get; }

        public async Task SignAsync(HttpRequestMessage request, string? projectId)
        {
            var body = request.Content == null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var date = Time.GetUtcNow().UtcDateTime.ToString(SdkHmacSigner.DateFormat, CultureInfo.InvariantCulture);
            var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");

            SetHeader(request, DateHeader, date);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["host"] = SdkHmacSigner.HostOf(uri),
                [DateHeader] = date,
            };

            if (projectId != null)
            {
                SetHeader(request, ProjectHeader, projectId);
                headers[ProjectHeader] = projectId;
            }

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
                request.Headers.TryAddWithoutValidation("Authorization", SdkHmacSigner.Authorization(signing, AccessKey, key, date));
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
