using System;
using System.Net;

namespace KooPhone.Client.Connection
{
    /// <summary>How a context's HTTP calls behave: retries, timeouts, proxy. Immutable once the context exists.</summary>
    internal sealed class KooPhoneConnectionOptions
    {
        public static readonly KooPhoneConnectionOptions Default = new KooPhoneConnectionOptions();

        /// <summary>Retries after the first attempt of one logical call (0 = no retry).</summary>
        public int MaxRetryCount { get; set; } = 5;

        /// <summary>How long one attempt may take before it is abandoned (and retried).</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The most one logical call may take, all attempts and waits together.</summary>
        public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// The most calls of one context on the wire at once, over all its cmdlets and runspaces:
        /// where the adaptive limit starts and the highest it climbs back to after throttling.
        /// Above 64 (the highest -ThrottleLimit), so one batch cmdlet's -ThrottleLimit stays its bound.
        /// </summary>
        public int MaxConcurrentCalls { get; set; } = 256;

        /// <summary>The first back-off delay without Retry-After; later ones grow exponentially, with jitter.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest single wait, whatever Retry-After or the back-off asks for.</summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// How long, after a state-changing call's answer was lost, the instances' state may take to
        /// show its effect before the call counts as not carried out and is sent again
        /// (StateReconciler; the service's lag is not documented [UNCONFIRMED]).
        /// </summary>
        public TimeSpan ReconcileTimeout { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>An explicit proxy; null means HTTPS_PROXY / NO_PROXY from the environment, if set.</summary>
        public Uri? Proxy { get; set; }

        public NetworkCredential? ProxyCredential { get; set; }

        /// <summary>
        /// Where the engine reads the time and waits: retry back-off and Retry-After, token expiry,
        /// read-back delays and the waiters' clocks. Tests hand in a fake one to move time instead of sleeping.
        /// </summary>
        public TimeProvider Time { get; set; } = TimeProvider.System;

        public KooPhoneConnectionOptions Validate()
        {
            if (MaxRetryCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxRetryCount), MaxRetryCount, "The retry count cannot be negative.");
            }

            if (MaxConcurrentCalls < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxConcurrentCalls), MaxConcurrentCalls, "At least one call must be allowed in flight.");
            }

            if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout <= TimeSpan.Zero || ReconcileTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), "Timeouts must be positive.");
            }

            if (Time == null)
            {
                throw new ArgumentNullException(nameof(Time));
            }

            return this;
        }
    }
}
