using System;
using System.Threading;
using System.Threading.Tasks;

namespace KooPhone.Client.Connection
{
    /// <summary>
    /// The engine's clock as the cmdlets may see it: the current time and a wait, over the
    /// context's TimeProvider (KooPhoneConnectionOptions.Time), so that tests move time instead of
    /// sleeping. TimeProvider itself must not appear in any signature the cmdlet assembly calls:
    /// on the 7.x path its assembly (Microsoft.Bcl.TimeProvider) loads only in the engine's own
    /// load context, so the cmdlet assembly could not resolve it (docs/design-notes.md,
    /// "Dependency isolation").
    /// </summary>
    internal sealed class KooPhoneClock
    {
        internal KooPhoneClock(TimeProvider time)
        {
            Time = time ?? throw new ArgumentNullException(nameof(time));
        }

        /// <summary>The real clock.</summary>
        public static KooPhoneClock System { get; } = new KooPhoneClock(TimeProvider.System);

        public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;

        internal TimeProvider Time { get; }

        /// <summary>Blocks the calling thread for <paramref name="delay"/>; false when <paramref name="stop"/> ended the wait first.</summary>
        public bool Sleep(TimeSpan delay, CancellationToken stop)
        {
            if (stop.IsCancellationRequested)
            {
                return false;
            }

            if (delay <= TimeSpan.Zero)
            {
                return true;
            }

            try
            {
                Time.Delay(delay, stop).GetAwaiter().GetResult();
                return true;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
        }
    }
}
