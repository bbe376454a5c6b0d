using System;
using System.Threading;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// One slot of an <see cref="AdaptiveConcurrencyLimiter"/>, held for one attempt. The attempt
    /// says how the service answered (throttled, or accepted the call's pace), then gives it back.
    /// </summary>
    internal sealed class ConcurrencyLease : IDisposable
    {
        private readonly AdaptiveConcurrencyLimiter _limiter;
        private readonly long _generation;
        private int _released;

        public ConcurrencyLease(AdaptiveConcurrencyLimiter limiter, long generation)
        {
            _limiter = limiter;
            _generation = generation;
        }

        /// <summary>The service throttled this attempt: fewer calls at once.</summary>
        public void Throttled() => _limiter.OnThrottled(_generation);

        /// <summary>The service answered without throttling: the pace may grow.</summary>
        public void Accepted() => _limiter.OnAccepted();

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _limiter.Release();
            }
        }
    }
}
