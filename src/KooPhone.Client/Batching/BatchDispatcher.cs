using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Connection;

namespace KooPhone.Client.Batching
{
    /// <summary>
    /// The one batching engine every batch cmdlet uses. Items are buffered; a full buffer is sent
    /// at once (never held until the end of input, so a stopped pipeline loses nothing already
    /// sent and memory stays flat); at most <c>throttleLimit</c> calls are in flight; finished
    /// batches are handed back to the caller, which writes them on its own thread.
    /// Not thread-safe: one caller (the pipeline thread) drives it.
    /// </summary>
    internal sealed class BatchDispatcher<TItem, TResponse>
    {
        private readonly int _batchSize;
        private readonly int _throttleLimit;
        private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<TResponse>> _send;
        private readonly CancellationToken _cancellationToken;
        private readonly List<InFlight> _inFlight = new List<InFlight>();
        private readonly Func<CompletedBatch<TItem, TResponse>, bool>? _stopsRun;
        private readonly KooPhoneClock _clock;
        // One buffer per partition (a region): a call carries ids of one partition only. Partitions
        // keep the order in which they first got an item, so batches go out in input order.
        private readonly Dictionary<string, List<TItem>> _buffers = new Dictionary<string, List<TItem>>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _partitions = new List<string>();
        private bool _stopped;

        // stopsRun is asked about every batch as it ends, on the caller's thread: true when the
        // run must send nothing more (a refused credential, a dead service). It is asked before the
        // next batch goes out, so nothing is sent after the answer that stopped the run was seen.
        // clock stamps when each call was sent (the real clock when null).
        public BatchDispatcher(int batchSize, int throttleLimit, Func<IReadOnlyList<TItem>, CancellationToken, Task<TResponse>> send, CancellationToken cancellationToken, Func<CompletedBatch<TItem, TResponse>, bool>? stopsRun = null, KooPhoneClock? clock = null)
        {
            if (batchSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds at least one item.");
            }

            if (throttleLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "At least one call must be allowed in flight.");
            }

            _batchSize = batchSize;
            _throttleLimit = throttleLimit;
            _send = send ?? throw new ArgumentNullException(nameof(send));
            _cancellationToken = cancellationToken;
            _stopsRun = stopsRun;
            _clock = clock ?? KooPhoneClock.System;
        }

        public int BatchesSent { get; private set; }

        /// <summary>Calls still running.</summary>
        public int InFlightCount => _inFlight.Count;

        /// <summary>The items of the calls still running (sent, not answered yet), with when their call was sent.</summary>
        public IEnumerable<(TItem Item, DateTime SentAt)> InFlightItems => _inFlight.SelectMany(f => f.Items.Select(item => (item, f.SentAt)));

        /// <summary>The items buffered for a batch that was never sent (after a stop, every item given since).</summary>
        public IReadOnlyList<TItem> Unsent => _partitions.SelectMany(p => _buffers[p]).ToList();

        /// <summary>
        /// Buffers one item (with the items of its partition, e.g. its region; null for none) and
        /// sends that buffer when it is full. Returns the batches that have finished meanwhile;
        /// blocks only while the throttle limit is reached.
        /// </summary>
        public IReadOnlyList<CompletedBatch<TItem, TResponse>> Add(TItem item, string? partition = null)
        {
            var key = partition ?? "";
            if (!_buffers.TryGetValue(key, out var buffer))
            {
                _buffers[key] = buffer = new List<TItem>(_batchSize);
                _partitions.Add(key);
            }

            buffer.Add(item);
            var finished = new List<CompletedBatch<TItem, TResponse>>();
            if (buffer.Count >= _batchSize && !_stopped)
            {
                SendBuffer(key, finished);
            }

            Harvest(finished);
            return finished;
        }

        /// <summary>
        /// Sends what is buffered and yields every remaining batch as it finishes. Lazy: the caller
        /// writes each batch's results before the next one is awaited.
        /// </summary>
        public IEnumerable<CompletedBatch<TItem, TResponse>> Complete()
        {
            var finished = new List<CompletedBatch<TItem, TResponse>>();
            foreach (var key in _partitions.ToList())
            {
                if (_buffers[key].Count > 0 && !_stopped)
                {
                    SendBuffer(key, finished);
                }
            }

            Harvest(finished);
            foreach (var batch in finished)
            {
                yield return batch;
            }

            while (_inFlight.Count > 0)
            {
                yield return WaitForOne();
            }
        }

        /// <summary>
        /// For a run that must stop: yields the calls still in flight as they end, and sends
        /// nothing more (what is buffered stays <see cref="Unsent"/>).
        /// </summary>
        public IEnumerable<CompletedBatch<TItem, TResponse>> Drain()
        {
            while (_inFlight.Count > 0)
            {
                yield return WaitForOne();
            }
        }

        private void SendBuffer(string partition, List<CompletedBatch<TItem, TResponse>> finished)
        {
            while (_inFlight.Count >= _throttleLimit)
            {
                finished.Add(WaitForOne());
            }

            if (_stopped)
            {
                return;
            }

            var batch = _buffers[partition];
            _buffers.Remove(partition);
            _partitions.Remove(partition);
            _inFlight.Add(new InFlight(batch, Invoke(batch), _clock.UtcNow));
            BatchesSent++;
        }

        // async, so that a send delegate that throws synchronously still yields a faulted task.
        private async Task<TResponse> Invoke(IReadOnlyList<TItem> batch) =>
            await _send(batch, _cancellationToken).ConfigureAwait(false);

        private CompletedBatch<TItem, TResponse> WaitForOne()
        {
            var tasks = new Task[_inFlight.Count];
            for (var i = 0; i < tasks.Length; i++)
            {
                tasks[i] = _inFlight[i].Task;
            }

            var index = Task.WaitAny(tasks, _cancellationToken);
            return Finish(index);
        }

        private void Harvest(List<CompletedBatch<TItem, TResponse>> finished)
        {
            for (var i = 0; i < _inFlight.Count;)
            {
                if (_inFlight[i].Task.IsCompleted)
                {
                    finished.Add(Finish(i));
                }
                else
                {
                    i++;
                }
            }
        }

        private CompletedBatch<TItem, TResponse> Finish(int index)
        {
            var done = _inFlight[index];
            _inFlight.RemoveAt(index);
            var task = done.Task;
            CompletedBatch<TItem, TResponse> completed;
            if (task.Status == TaskStatus.RanToCompletion)
            {
                completed = new CompletedBatch<TItem, TResponse>(done.Items, task.Result, null);
            }
            else
            {
                var error = task.IsCanceled
                    ? new OperationCanceledException("The call was cancelled.")
                    : (Exception)(task.Exception?.InnerException ?? task.Exception!);
                completed = new CompletedBatch<TItem, TResponse>(done.Items, default, error);
            }

            _stopped |= _stopsRun?.Invoke(completed) ?? false;
            return completed;
        }

        private sealed class InFlight
        {
            public InFlight(IReadOnlyList<TItem> items, Task<TResponse> task, DateTime sentAt)
            {
                Items = items;
                Task = task;
                SentAt = sentAt;
            }

            public IReadOnlyList<TItem> Items { get; }

            public Task<TResponse> Task { get; }

            public DateTime SentAt { get; }
        }
    }
}
