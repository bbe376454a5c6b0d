using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using KooPhone.Client.Auth;

namespace KooPhone.Client.Connection
{
    /// <summary>
    /// The process-wide default context and the fallback to environment variables. Precedence:
    /// an explicit -Context, then the connected default, then the environment.
    /// </summary>
    public static class KooPhoneContextRegistry
    {
        private static readonly object Gate = new object();
        private static KooPhoneContext? _connected;
        private static KooPhoneContext? _fromEnvironment;
        private static string? _environmentFingerprint;

        /// <summary>The context Connect-KooPhone made last, or null.</summary>
        public static KooPhoneContext? Connected
        {
            get { lock (Gate) { return _connected; } }
        }

        /// <summary>
        /// Makes a context the default. The one it replaces is not disposed, because
        /// Connect-KooPhone -PassThru may have handed it to a script that still uses it.
        /// </summary>
        public static void SetConnected(KooPhoneContext context)
        {
            lock (Gate)
            {
                _connected = context ?? throw new ArgumentNullException(nameof(context));
            }
        }

        /// <summary>Forgets and disposes the default context; returns whether there was one.</summary>
        public static bool Disconnect()
        {
            KooPhoneContext? previous;
            lock (Gate)
            {
                previous = _connected;
                _connected = null;
            }

            previous?.Dispose();
            return previous != null;
        }

        /// <summary>The connected default, else a context from the environment, else null.</summary>
        public static KooPhoneContext? Current()
        {
            return Connected ?? FromEnvironment();
        }

        /// <summary>
        /// A context from the environment variables: KOOPHONE_TOKEN if set, else the
        /// HUAWEICLOUD_SDK_AK/SK pair with HUAWEICLOUD_SDK_PROJECT_ID, or without it the project
        /// IAM names for HUAWEICLOUD_SDK_REGION (at HUAWEICLOUD_SDK_IAM_ENDPOINT), looked up once
        /// and kept on the context, as Huawei's SDKs do. The same variables give the
        /// same context, so repeated cmdlet calls share one HttpClient; changed variables give a
        /// new one. Incomplete AK/SK settings are an error that names what is missing.
        /// </summary>
        public static KooPhoneContext? FromEnvironment()
        {
            var token = KooPhoneEnvironment.Read(KooPhoneEnvironment.Token);
            var accessKey = KooPhoneEnvironment.Read(KooPhoneEnvironment.AccessKey);
            var secretKey = KooPhoneEnvironment.Read(KooPhoneEnvironment.SecretKey);
            if (token == null && accessKey == null && secretKey == null)
            {
                return null;
            }

            var securityToken = KooPhoneEnvironment.Read(KooPhoneEnvironment.SecurityToken);
            var projectId = KooPhoneEnvironment.Read(KooPhoneEnvironment.ProjectId);
            var endpointText = KooPhoneEnvironment.Read(KooPhoneEnvironment.Endpoint);
            var region = KooPhoneEnvironment.Read(KooPhoneEnvironment.Region) ?? KooPhoneRegions.Default;
            var iamEndpointText = KooPhoneEnvironment.Read(KooPhoneEnvironment.IamEndpoint);
            // A hash, not the values: the registry must not keep a second plain copy of a secret.
            var fingerprint = Fingerprint(token ?? "", accessKey ?? "", secretKey ?? "", securityToken ?? "", projectId ?? "", endpointText ?? "", region, iamEndpointText ?? "");

            lock (Gate)
            {
                if (_fromEnvironment != null && _environmentFingerprint == fingerprint)
                {
                    return _fromEnvironment;
                }
            }

            var endpoint = EndpointFromEnvironment(endpointText);
            var context = new KooPhoneContext(endpoint, region, AuthenticatorFromEnvironment(token, accessKey, secretKey, securityToken, projectId, region), KooPhoneContextSource.Environment);
            lock (Gate)
            {
                // The context this replaces may still serve a running cmdlet, so it is not
                // disposed here; the garbage collector takes it when that cmdlet is done.
                _fromEnvironment = context;
                _environmentFingerprint = fingerprint;
            }

            return context;
        }

        private static Uri EndpointFromEnvironment(string? text)
        {
            if (text == null)
            {
                return EndpointPolicy.DefaultEndpoint;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var endpoint))
            {
                throw new ArgumentException($"The environment variable {KooPhoneEnvironment.Endpoint} holds '{text}', which is not an absolute URI.");
            }

            return endpoint;
        }

        private static IRequestAuthenticator AuthenticatorFromEnvironment(string? token, string? accessKey, string? secretKey, string? securityToken, string? projectId, string region)
        {
            if (token != null)
            {
                return new TokenAuthenticator(SecretText.Protect(token));
            }

            if (accessKey == null || secretKey == null)
            {
                var missing = new[]
                {
                    accessKey == null ? KooPhoneEnvironment.AccessKey : null,
                    secretKey == null ? KooPhoneEnvironment.SecretKey : null,
                }.Where(n => n != null);
                throw new ArgumentException("AK/SK from the environment needs " + string.Join(", ", missing) + " as well.");
            }

            var lookup = projectId == null ? new ProjectLookup(IamEndpoints.Resolve(null, region), region) : null;
            return new AccessKeyAuthenticator(accessKey, SecretText.Protect(secretKey), projectId, securityToken == null ? null : SecretText.Protect(securityToken), projectLookup: lookup);
        }

        private static string Fingerprint(params string[] parts)
        {
            using (var sha = SHA256.Create())
            {
                var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(string.Join("\n", parts)));
                return Convert.ToBase64String(bytes);
            }
        }
    }
}
