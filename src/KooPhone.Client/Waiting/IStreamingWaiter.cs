using System.Collections.Generic;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// A waiter that takes work while it waits and gives back what has ended, so a cmdlet can
    /// submit, poll and write at once and hold only what is still running.
    /// Not thread-safe: the caller never adds or takes while a round runs.
    /// </summary>
    public interface IStreamingWaiter<T> : IPollingWaiter
    {
        /// <summary>More to wait for.</summary>
        void Add(IEnumerable<T> items);

        /// <summary>Removes and returns what has ended since the last call.</summary>
        IReadOnlyList<T> TakeEnded();

        /// <summary>Removes and returns what has not ended (at the time limit).</summary>
        IReadOnlyList<T> TakeRest();
    }
}
