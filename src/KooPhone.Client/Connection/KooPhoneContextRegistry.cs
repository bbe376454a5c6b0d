using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using KooPhone.Client.Auth;

namespace KooPhone.Client.Connection
{
    /// <summary>
    /// The process's connections by name, the default among them, and the fallback to environment
    /// variables. Precedence: an explicit -Context, then the connected default, then the
    /// environment. Process-wide rather than per runspace, so Start-ThreadJob and
    /// ForEach-Object -Parallel see the same default as the session that connected.
    /// </summary>
    internal static class KooPhoneContextRegistry
    {
        private static readonly object Gate = new object();
        private static readonly List<KooPhoneContext> Named = new List<KooPhoneContext>();
        private static KooPhoneContext? _connected;
        private static KooPhoneContext? _fromEnvironment;
        private static string? _environmentFingerprint;

        /// <summary>The context Connect-KooPhone made last, or null.</summary>
        public static KooPhoneContext? Connected
        {
            get { lock (Gate) { return _connected; } }
        }

        /// <summary>
        /// Keeps a context under its name and makes it the default. A context of the same name is
        /// replaced, as Az replaces one, but not disposed: Connect-KooPhone -PassThru may have
        /// handed it to a script that still uses it.
        /// </summary>
        public static void SetConnected(KooPhoneContext context)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            lock (Gate)
            {
                Named.RemoveAll(c => ReferenceEquals(c, context) || SameName(c.Name, context.Name));
                Named.Add(context);
                _connected = context;
            }
        }

        /// <summary>The connections of this process, in the order they were made.</summary>
        public static IReadOnlyList<KooPhoneContext> Available()
        {
            lock (Gate)
            {
                return Named.ToList();
            }
        }

        /// <summary>The connection of this name (case-insensitive), or null.</summary>
        public static KooPhoneContext? Find(string name)
        {
            lock (Gate)
            {
                return Named.FirstOrDefault(c => SameName(c.Name, name));
            }
        }

        /// <summary>Whether the cmdlets use this context when no -Context is given.</summary>
        public static bool IsDefault(KooPhoneContext context)
        {
            lock (Gate)
            {
                return ReferenceEquals(_connected ?? _fromEnvironment, context);
            }
        }

        /// <summary>
        /// Forgets and disposes the default context; returns whether there was one. No other
        /// connection becomes the default: a script must not move to another tenant unasked.
        /// </summary>
        public static bool Disconnect()
        {
            KooPhoneContext? previous;
            lock (Gate)
            {
                previous = _connected;
                _connected = null;
                Named.Remove(previous!);
            }

            previous?.Dispose();
            return previous != null;
        }

        /// <summary>Forgets and disposes one context; when it was the default, there is none after it.</summary>
        public static void Disconnect(KooPhoneContext context)
        {
            lock (Gate)
            {
                Named.Remove(context);
                if (ReferenceEquals(_connected, context))
                {
                    _connected = null;
                }
            }

            context.Dispose();
        }

        private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

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
