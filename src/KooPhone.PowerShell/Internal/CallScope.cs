using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Http;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// The calls of one cmdlet, handed the cmdlet: cancellation on Ctrl+C, and request traces
    /// gathered on any thread and written as -Verbose lines on the pipeline thread (the only one
    /// PowerShell lets write). Every cmdlet that calls the service uses one, Connect-KooPhone
    /// included; the cmdlet cancels it from StopProcessing and disposes it with itself.
    /// </summary>
    internal sealed class CallScope : IDisposable
    {
        private static readonly TimeSpan TraceFlushInterval = TimeSpan.FromMilliseconds(200);
        private static readonly TimeSpan StopWatchInterval = TimeSpan.FromMilliseconds(100);

        private readonly Cmdlet _cmdlet;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly RequestTraceQueue _traces = new RequestTraceQueue();
        private readonly ConcurrentQueue<string> _verbose = new ConcurrentQueue<string>();

        // PowerShell does not always call StopProcessing: once Select-Object -First has stopped the
        // commands upstream, a later Ctrl+C (PowerShell.Stop) marks the pipeline as stopping but
        // skips StopProcessing. This watch sees the pipeline's Stopping flag and cancels anyway.
        private Timer? _stopWatch;

        public CallScope(Cmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>Cancelled by Ctrl+C; reading it starts the watch on the pipeline's Stopping flag.</summary>
        public CancellationToken Token
        {
            get
            {
                _stopWatch ??= new Timer(_ => CancelIfStopping(), null, StopWatchInterval, StopWatchInterval);
                return _stop.Token;
            }
        }

        /// <summary>Where the engine reports each HTTP attempt.</summary>
        public IRequestObserver Traces => _traces;

        /// <summary>HTTP calls and attempts made so far (a retried call counts once among the calls).</summary>
        public (int Calls, int Attempts) CallCounts => (_traces.Calls, _traces.Attempts);

        /// <summary>Cancels the requests in flight and any wait, so Ctrl+C returns at once.</summary>
        public void Stop() => _stop.Cancel();

        /// <summary>Writes the request traces and verbose messages gathered so far (from any thread) as verbose lines.</summary>
        public void WriteTraces()
        {
            while (_traces.TryTake(out var trace))
            {
                _cmdlet.WriteVerbose(trace.ToString());
            }

            while (_verbose.TryDequeue(out var message))
            {
                _cmdlet.WriteVerbose(message);
            }
        }

        /// <summary>Keeps a verbose message from a worker thread until the pipeline thread writes it.</summary>
        public void QueueVerbose(string message) => _verbose.Enqueue(message);

        /// <summary>
        /// Waits for engine work on the pipeline thread, writing traces meanwhile. Ctrl+C ends the
        /// wait at once; the engine's exception comes out as itself, not wrapped.
        /// </summary>
        public T Await<T>(Task<T> task)
        {
            Await((Task)task);
            return task.Result;
        }

        public void Await(Task task)
        {
            try
            {
                while (!task.Wait((int)TraceFlushInterval.TotalMilliseconds, Token))
                {
                    WriteTraces();
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                ThrowIfStopping(e.InnerException);
                ExceptionDispatchInfo.Capture(e.InnerException!).Throw();
            }
            finally
            {
                if (!_stop.IsCancellationRequested)
                {
                    WriteTraces();
                }
            }
        }

        /// <summary>
        /// Runs engine work that may wait (a batch dispatch, the next page): cancellation caused by
        /// Ctrl+C comes out as the exception PowerShell expects.
        /// </summary>
        public T Stoppable<T>(Func<T> step)
        {
            try
            {
                return step();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Turns cancellation caused by Ctrl+C (<paramref name="error"/> when given must be a cancellation) into the exception PowerShell expects.</summary>
        public void ThrowIfStopping(Exception? error = null)
        {
            if (_stop.IsCancellationRequested && (error == null || error is OperationCanceledException))
            {
                throw new PipelineStoppedException();
            }
        }

        public void Dispose()
        {
            // A pipeline that ended early (Select-Object -First, an error) must leave no request running.
            _stopWatch?.Dispose();
            _stop.Cancel();
            _stop.Dispose();
        }

        private void CancelIfStopping()
        {
            try
            {
                if (_cmdlet.Stopping && !_stop.IsCancellationRequested)
                {
                    _stop.Cancel();
                }
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
