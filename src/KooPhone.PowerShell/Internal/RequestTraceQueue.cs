using System.Collections.Concurrent;
using System.Threading;
using KooPhone.Client.Http;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Collects request traces from thread-pool threads until the cmdlet writes them on the
    /// pipeline thread, the only thread PowerShell lets write; counts the attempts and retries
    /// on the way, for the run's summary.
    /// </summary>
    internal sealed class RequestTraceQueue : IRequestObserver
    {
        private readonly ConcurrentQueue<RequestTrace> _traces = new ConcurrentQueue<RequestTrace>();
        private int _attempts;
        private int _retries;

        /// <summary>HTTP attempts seen, retries included.</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        /// <summary>Logical calls seen: each retry note announces one more attempt of a call already counted.</summary>
        public int Calls => Attempts - Volatile.Read(ref _retries);

        public void OnAttemptCompleted(RequestTrace trace)
        {
            Interlocked.Increment(ref trace.RetryDelay.HasValue ? ref _retries : ref _attempts);
            _traces.Enqueue(trace);
        }

        public bool TryTake(out RequestTrace trace) => _traces.TryDequeue(out trace!);
    }
}
