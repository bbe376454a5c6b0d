using System;
using System.Threading;
using System.Threading.Tasks;

namespace KooPhone.Emulator.Faults;

/// <summary>Cancellable waits that report cancellation as a result rather than an exception.</summary>
public static class Pause
{
    /// <summary>
    /// Waits <paramref name="delay"/>; false when <paramref name="token"/> fired first. A client
    /// that goes away is routine here, not an error worth an exception in the logs.
    /// </summary>
    public static async Task<bool> ForAsync(TimeSpan delay, CancellationToken token)
    {
        await Task.Delay(delay, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return !token.IsCancellationRequested;
    }
}
