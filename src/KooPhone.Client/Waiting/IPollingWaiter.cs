using System.Threading;
using System.Threading.Tasks;

namespace KooPhone.Client.Waiting
{
    /// <summary>Something waited for in rounds: the cmdlet drives the rounds, with progress and a timeout.</summary>
    internal interface IPollingWaiter
    {
        int Total { get; }

        int Finished { get; }

        bool IsDone { get; }

        /// <summary>A short account of where things stand, for the progress bar.</summary>
        string Describe();

        /// <summary>What the polling cost so far, for a verbose line and the benchmarks.</summary>
        string DescribeCost();

        Task PollOnceAsync(CancellationToken cancellationToken);
    }
}
