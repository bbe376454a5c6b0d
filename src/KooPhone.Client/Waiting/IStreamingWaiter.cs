using System.Collections.Generic;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// A waiter that takes work while it waits and gives back what has ended, so a cmdlet can
    /// submit, poll and write at once and hold only what is still running.
    /// <see cref="Add"/> may be called while a round runs (submission goes on beside polling);
    /// everything else only between rounds.
    /// </summary>
    internal interface IStreamingWaiter<T> : IPollingWaiter
    {
        /// <summary>More to wait for; polled from the next round on.</summary>
        void Add(IEnumerable<T> items);

        /// <summary>Removes and returns what has ended since the last call.</summary>
        IReadOnlyList<T> TakeEnded();

        /// <summary>Removes and returns what has not ended (at the time limit), as it is enumerated.</summary>
        IEnumerable<T> TakeRest();
    }
}
