using System;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Http;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Authenticates with IAM tokens it obtains from a user name and password, and renews them:
    /// ahead of expiry (a margin of minutes: a nearly expired token can fail calls, docs/api-reference.md §7)
    /// and once when the service refuses one (Invalidate, called on HTTP 401).
    /// </summary>
    internal sealed class PasswordTokenAuthenticator : IRequestAuthenticator, IRenewableAuthenticator
    {
        private const string GenerationKey = "KooPhone.TokenGeneration";
        private static readonly TimeSpan MaxRenewalMargin = TimeSpan.FromMinutes(10);

        private readonly IamTokenClient _iam;
        private readonly string _userName;
        private readonly SecureString _password;
        private readonly string _domainName;
        private readonly IamScope _scope;
        private readonly TimeProvider _time;
        private readonly SemaphoreSlim _renewal = new SemaphoreSlim(1, 1);
        private IamToken? _token;
        private int _generation;

        public PasswordTokenAuthenticator(IamTokenClient iam, string userName, SecureString password, string domainName, IamScope scope)
            : this(iam, userName, password, domainName, scope, TimeProvider.System)
        {
        }

        // The clock is for tests to move; see AccessKeyAuthenticator for why it is not public.
        internal PasswordTokenAuthenticator(IamTokenClient iam, string userName, SecureString password, string domainName, IamScope scope, TimeProvider time)
        {
            _iam = iam ?? throw new ArgumentNullException(nameof(iam));
            _userName = string.IsNullOrWhiteSpace(userName) ? throw new ArgumentException("The user name is empty.", nameof(userName)) : userName;
            _password = password?.Copy() ?? throw new ArgumentNullException(nameof(password));
            _password.MakeReadOnly();
            _domainName = string.IsNullOrWhiteSpace(domainName) ? throw new ArgumentException("The domain (account) name is empty.", nameof(domainName)) : domainName;
            _scope = scope ?? throw new ArgumentNullException(nameof(scope));
            _time = time;
        }

        public AuthenticationMode Mode => AuthenticationMode.Password;

        /// <summary>Where tokens come from, for an error that cannot reach it.</summary>
        public Uri IamEndpoint => _iam.Endpoint;

        /// <summary>domain\user: who this context acts as. Not a secret.</summary>
        public string Account => _domainName + "\\" + _userName;

        /// <summary>The project the current token is scoped to, once IAM has said.</summary>
        public string? ProjectId => Volatile.Read(ref _token)?.ProjectId ?? _scope.ProjectId;

        /// <summary>How many tokens have been obtained; tests and diagnostics read it.</summary>
        public int Generation => Volatile.Read(ref _generation);

        public async Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = await CurrentTokenAsync(RequestProperties.GetObserver(request), cancellationToken).ConfigureAwait(false);
            request.Headers.Remove(TokenAuthenticator.HeaderName);
            request.Headers.TryAddWithoutValidation(TokenAuthenticator.HeaderName, SecretText.Reveal(token.Value));
#pragma warning disable CS0618 // Properties is the per-request bag netstandard2.0 has.
            request.Properties[GenerationKey] = Generation;
#pragma warning restore CS0618
        }

        /// <summary>
        /// Obtains the first token now, so wrong credentials fail at Connect-KooPhone. An IAM host
        /// that cannot be reached (refused, not found) fails at the first attempt: at Connect that is
        /// a wrong address, not a blip, and the user should hear it at once.
        /// </summary>
        public Task SignInAsync(IRequestObserver? observer, CancellationToken cancellationToken) => CurrentTokenAsync(observer, cancellationToken, retryUnreachable: false);

        public void Invalidate(HttpRequestMessage refusedRequest)
        {
#pragma warning disable CS0618
            var used = refusedRequest.Properties.TryGetValue(GenerationKey, out var value) ? value as int? : null;
#pragma warning restore CS0618
            _renewal.Wait();
            try
            {
                // Only the token that was refused is dropped; one renewed meanwhile stays.
                if (used == null || used == _generation)
                {
                    // Not disposed: a request being signed right now may still read it. The
                    // SecureString wipes its memory when it is collected.
                    Volatile.Write(ref _token, null);
                }
            }
            finally
            {
                _renewal.Release();
            }
        }

        public void Dispose()
        {
            _password.Dispose();
            _token?.Dispose();
            _token = null;
        }

        private async Task<IamToken> CurrentTokenAsync(IRequestObserver? observer, CancellationToken cancellationToken, bool retryUnreachable = true)
        {
            var token = Volatile.Read(ref _token);
            if (token != null && !NeedsRenewal(token))
            {
                return token;
            }

            await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another caller may have renewed while this one waited.
                if (_token != null && !NeedsRenewal(_token))
                {
                    return _token;
                }

                var fresh = await _iam.CreateTokenAsync(_userName, _password, _domainName, _scope, observer, _time, cancellationToken, retryUnreachable).ConfigureAwait(false);
                // Its lifetime is measured on the clock that decides when to renew it.
                fresh.ObtainedAt = _time.GetUtcNow().UtcDateTime;
                // The old token is not disposed: a request being signed right now may still read it.
                Volatile.Write(ref _token, fresh);
                Interlocked.Increment(ref _generation);
                return fresh;
            }
            finally
            {
                _renewal.Release();
            }
        }

        private bool NeedsRenewal(IamToken token)
        {
            var lifetime = token.ExpiresAt - _time.GetUtcNow().UtcDateTime;
            // Renew when less than the margin is left: ten minutes for day-long tokens, a tenth of
            // the lifetime for short-lived ones (so a short test token is not renewed on every call).
            var margin = TimeSpan.FromTicks(Math.Min(MaxRenewalMargin.Ticks, Math.Max(0, IssuedLifetime(token).Ticks / 10)));
            return lifetime <= margin;
        }

        private TimeSpan IssuedLifetime(IamToken token) => token.ExpiresAt - token.ObtainedAt;
    }
}
