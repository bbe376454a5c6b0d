using System;
using System.Net.Http;
using KooPhone.Client.Connection;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// What one logical call may still spend on retries, and how long its next wait is.
    /// Throttling (429) is budgeted by time: the service did not act and will take the call once
    /// its load allows, so a throttled call keeps trying for as long as its total-time cap
    /// (TotalTimeout) leaves room for the next wait, however many 429s that takes. Every other
    /// failure RetryClassifier allows counts towards MaxRetryCount, because repeating it soon is
    /// unlikely to help for long. MaxRetryCount 0 turns retries off altogether, throttling included:
    /// it is how a caller asks for exactly one attempt. Not thread-safe: one per call.
    /// </summary>
    internal sealed class RetryBudget
    {
        private readonly KooPhoneConnectionOptions _options;
        private readonly DateTimeOffset _deadline;
        private readonly Func<double> _random;

        public RetryBudget(KooPhoneConnectionOptions options, DateTimeOffset start, Func<double> random)
        {
            _options = options;
            _deadline = start + options.TotalTimeout;
            _random = random;
        }

        /// <summary>Retries spent on failures other than throttling (at most MaxRetryCount).</summary>
        public int TransientRetries { get; private set; }

        /// <summary>Retries spent on throttled answers (bounded by the call's total time).</summary>
        public int ThrottledRetries { get; private set; }

        /// <summary>The wait before the retry the last <see cref="TryRetry"/> granted.</summary>
        public TimeSpan NextDelay { get; private set; }

        /// <summary>Whether the retry the last <see cref="TryRetry"/> granted follows throttling.</summary>
        public bool NextIsThrottled { get; private set; }

        /// <summary>
        /// Whether the failed attempt is tried again; if so, <see cref="NextDelay"/> says when.
        /// A throttled call whose next wait would end past the deadline stops here with its 429,
        /// rather than being cut off by the total timeout in the middle of the wait.
        /// </summary>
        public bool TryRetry(HttpRequestMessage request, HttpResponseMessage? response, Exception? error, bool cancelledByCaller, DateTimeOffset now)
        {
            if (_options.MaxRetryCount == 0 || !RetryClassifier.ShouldRetry(request, response, error, cancelledByCaller))
            {
                return false;
            }

            var retryAfter = RetryAfter.From(response, now);
            if (RetryClassifier.IsThrottled(response))
            {
                var wait = RetryDelay.For(retryAfter, ThrottledRetries + 1, _options.RetryBaseDelay, _options.MaxRetryDelay, _random());
                if (now + wait >= _deadline)
                {
                    return false;
                }

                ThrottledRetries++;
                return Grant(wait, throttled: true);
            }

            if (TransientRetries >= _options.MaxRetryCount)
            {
                return false;
            }

            TransientRetries++;
            return Grant(RetryDelay.For(retryAfter, TransientRetries, _options.RetryBaseDelay, _options.MaxRetryDelay, _random()), throttled: false);
        }

        private bool Grant(TimeSpan wait, bool throttled)
        {
            NextDelay = wait;
            NextIsThrottled = throttled;
            return true;
        }
    }
}
