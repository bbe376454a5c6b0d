using System;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// How long to wait before the next attempt. Every wait is jittered, so calls refused together
    /// (a burst of 429s) do not all come back within the same instant and get refused together
    /// again: Retry-After is honoured as a floor and stretched by a random 0–100 % of itself
    /// (somewhere in [Retry-After, 2 × Retry-After]); without it the wait grows exponentially
    /// from the base delay, at a random 50–150 % of that step. Never more than the longest wait.
    /// </summary>
    internal static class RetryDelay
    {
        /// <param name="retryAfter">What the answer's Retry-After asked for, if anything.</param>
        /// <param name="retryNumber">1 for the first retry of this kind, 2 for the second…</param>
        /// <param name="baseDelay">The first wait without Retry-After.</param>
        /// <param name="maxDelay">The longest wait, whatever Retry-After asks for.</param>
        /// <param name="random">A draw from [0, 1).</param>
        public static TimeSpan For(TimeSpan? retryAfter, int retryNumber, TimeSpan baseDelay, TimeSpan maxDelay, double random)
        {
            double ticks;
            if (retryAfter.HasValue)
            {
                ticks = retryAfter.Value.Ticks * (1 + random);
            }
            else
            {
                // 2^(n-1), without overflowing for a throttled call retried many times.
                ticks = baseDelay.Ticks * Math.Pow(2, Math.Min(retryNumber - 1, 30)) * (0.5 + random);
            }

            return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
        }
    }
}
