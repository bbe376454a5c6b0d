using System.Collections.Concurrent;
using KooPhone.Client.Http;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Collects request traces from thread-pool threads until the cmdlet writes them on the
    /// pipeline thread, the only thread PowerShell lets write.
    /// </summary>
    internal sealed class RequestTraceQueue : IRequestObserver
    {
        private readonly ConcurrentQueue<RequestTrace> _traces = new ConcurrentQueue<RequestTrace>();

        public void OnAttemptCompleted(RequestTrace trace) => _traces.Enqueue(trace);

        public bool TryTake(out RequestTrace trace) => _traces.TryDequeue(out trace!);
    }
}
