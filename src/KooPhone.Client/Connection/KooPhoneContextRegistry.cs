using System;
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
        /// A context from the environment variables. The same variables give the same context, so
        /// repeated cmdlet calls share one HttpClient; changed variables give a new one.
        /// </summary>
        public static KooPhoneContext? FromEnvironment()
        {
            var token = KooPhoneEnvironment.Read(KooPhoneEnvironment.Token);
            if (token == null)
            {
                return null;
            }

            var endpointText = KooPhoneEnvironment.Read(KooPhoneEnvironment.Endpoint);
            var region = KooPhoneEnvironment.Read(KooPhoneEnvironment.Region) ?? KooPhoneRegions.Default;
            // A hash, not the values: the registry must not keep a second plain copy of the token.
            var fingerprint = Fingerprint(token, endpointText ?? "", region);

            lock (Gate)
            {
                if (_fromEnvironment != null && _environmentFingerprint == fingerprint)
                {
                    return _fromEnvironment;
                }
            }

            Uri endpoint;
            if (endpointText == null)
            {
                endpoint = EndpointPolicy.DefaultEndpoint;
            }
            else if (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint!))
            {
                throw new ArgumentException($"The environment variable {KooPhoneEnvironment.Endpoint} holds '{endpointText}', which is not an absolute URI.");
            }

            var context = new KooPhoneContext(endpoint, region, new TokenAuthenticator(SecretText.Protect(token)), KooPhoneContextSource.Environment);
            lock (Gate)
            {
                // The context this replaces may still serve a running cmdlet, so it is not
                // disposed here; the garbage collector takes it when that cmdlet is done.
                _fromEnvironment = context;
                _environmentFingerprint = fingerprint;
            }

            return context;
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
