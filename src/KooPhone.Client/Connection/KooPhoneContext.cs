using System;
using System.Net.Http;
using System.Threading;
using KooPhone.Client.Auth;
using KooPhone.Client.Http;

namespace KooPhone.Client.Connection
{
    /// <summary>
    /// One tenant connection: where to call, how to authenticate, and the long-lived HttpClient
    /// that carries the calls. Immutable and thread-safe, so one context can serve several
    /// runspaces at once. Its public surface holds no secret: the credentials stay inside the
    /// authenticator.
    /// </summary>
    public sealed class KooPhoneContext : IDisposable
    {
        private readonly Lazy<OwnedHttpClient> _http;
        private int _disposed;

        internal KooPhoneContext(Uri endpoint, string region, IRequestAuthenticator authenticator, KooPhoneContextSource source, KooPhoneConnectionOptions? options = null, string? name = null)
        {
            Endpoint = EndpointPolicy.Validate(endpoint);
            Region = string.IsNullOrWhiteSpace(region) ? KooPhoneRegions.Default : region;
            Authenticator = authenticator ?? throw new ArgumentNullException(nameof(authenticator));
            Source = source;
            Options = (options ?? KooPhoneConnectionOptions.Default).Validate();
            Clock = new KooPhoneClock(Options.Time);
            CreatedAt = Clock.UtcNow;
            Name = string.IsNullOrWhiteSpace(name) ? DefaultName() : name!.Trim();
            // One limit for every call of the context, so cmdlets and runspaces sharing it slow down together.
            Concurrency = new AdaptiveConcurrencyLimiter(Options.MaxConcurrentCalls);
            // Built on first use: Connect-KooPhone and Import-Module stay cheap.
            _http = new Lazy<OwnedHttpClient>(() => KooPhoneHttpClientFactory.Create(Endpoint, Authenticator, Options, Concurrency), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>
        /// What Select-KooPhoneContext and -Context know it by: as given to Connect-KooPhone -Name,
        /// else "host/project/account" (the region when the project is not known yet, the
        /// authentication mode when there is no account), as Az names its contexts. Never a secret.
        /// </summary>
        public string Name { get; }

        /// <summary>True when the cmdlets use this context when no -Context is given.</summary>
        public bool IsDefault => KooPhoneContextRegistry.IsDefault(this);

        public Uri Endpoint { get; }

        public string Region { get; }

        /// <summary>The project: as given, or as the credentials say (AK/SK's project id, a password token's scope).</summary>
        public string? ProjectId => Authenticator.ProjectId;

        /// <summary>Who the context acts as: domain\user for a password, the access key id for AK/SK; never a secret.</summary>
        public string? Account => Authenticator.Account;

        public AuthenticationMode AuthenticationMode => Authenticator.Mode;

        public KooPhoneContextSource Source { get; }

        public DateTime CreatedAt { get; }

        /// <summary>Retries, timeouts and proxy of this connection.</summary>
        internal KooPhoneConnectionOptions Options { get; }

        /// <summary>The clock of every call and wait over this context (KooPhoneConnectionOptions.Time).</summary>
        internal TimeProvider Time => Options.Time;

        /// <summary>The same clock, in the form the cmdlet assembly may hold (see KooPhoneClock).</summary>
        internal KooPhoneClock Clock { get; }

        /// <summary>How many calls of this context may be on the wire at once, learnt from the service's throttling.</summary>
        internal AdaptiveConcurrencyLimiter Concurrency { get; }

        public int MaxRetryCount => Options.MaxRetryCount;

        /// <summary>How long a lost call's effect may take to show in the instances' state before the call is sent again.</summary>
        public TimeSpan ReconcileTimeout => Options.ReconcileTimeout;

        public TimeSpan Timeout => Options.AttemptTimeout;

        /// <summary>The proxy, without any user name or password written into its address.</summary>
        public Uri? Proxy => Options.Proxy == null ? null : new UriBuilder(Options.Proxy) { UserName = "", Password = "" }.Uri;

        public bool IsDisposed => _disposed != 0;

        internal IRequestAuthenticator Authenticator { get; }

        internal HttpClient HttpClient
        {
            get
            {
                if (IsDisposed)
                {
                    throw new ObjectDisposedException(nameof(KooPhoneContext), "This KooPhone context was disconnected. Run Connect-KooPhone again.");
                }

                return _http.Value.Client;
            }
        }

        public override string ToString() => Name;

        private string DefaultName() => $"{Endpoint.Authority}/{ProjectId ?? Region}/{Account ?? AuthenticationMode.ToString()}";

        /// <summary>Closes the connections and wipes the credentials.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            if (_http.IsValueCreated)
            {
                _http.Value.Dispose();
            }

            Authenticator.Dispose();
        }
    }
}
