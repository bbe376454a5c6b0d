using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;
using KooPhone.Client.Waiting;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// What every cmdlet that calls the API shares: -Context and its fallbacks, cancellation on
    /// Ctrl+C (StopProcessing), and request traces written as -Verbose lines on the pipeline thread.
    /// </summary>
    public abstract class KooPhoneCmdlet : PSCmdlet, IDisposable
    {
        private static readonly TimeSpan TraceFlushInterval = TimeSpan.FromMilliseconds(200);

        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly RequestTraceQueue _traces = new RequestTraceQueue();
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _verbose = new System.Collections.Concurrent.ConcurrentQueue<string>();
        private KooPhoneApiClient? _api;

        /// <summary>
        /// <para type="description">The connection to use instead of the default one: the object Connect-KooPhone -PassThru returns, or the name of a connection of this session (Get-KooPhoneContext -ListAvailable lists them). Lets one script work with several tenants. A context works in Start-ThreadJob and ForEach-Object -Parallel ($using:context); one that went through Start-Job or remoting carries no credentials and is refused with an error that says so.</para>
        /// </summary>
        [Parameter]
        [ContextTransformation]
        public KooPhoneContext? Context { get; set; }

        protected CancellationToken StopToken
        {
            get
            {
                EnsureStopWatch();
                return _stop.Token;
            }
        }

        // PowerShell does not always call StopProcessing: once Select-Object -First has stopped the
        // commands upstream, a later Ctrl+C (PowerShell.Stop) marks the pipeline as stopping but
        // skips StopProcessing. This watch sees the pipeline's Stopping flag and cancels anyway.
        private Timer? _stopWatch;

        private void EnsureStopWatch()
        {
            if (_stopWatch == null)
            {
                _stopWatch = new Timer(_ => CancelIfStopping(), null, StopWatchInterval, StopWatchInterval);
            }
        }

        private void CancelIfStopping()
        {
            try
            {
                if (Stopping && !_stop.IsCancellationRequested)
                {
                    _stop.Cancel();
                }
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private static readonly TimeSpan StopWatchInterval = TimeSpan.FromMilliseconds(100);

        /// <summary>HTTP calls and attempts this cmdlet has made so far (a retried call counts once among the calls).</summary>
        private protected (int Calls, int Attempts) CallCounts => (_traces.Calls, _traces.Attempts);

        /// <summary>The API client of this call, over the resolved context.</summary>
        protected KooPhoneApiClient Api => _api ??= new KooPhoneApiClient(ResolveContext(), _traces);

        protected override void StopProcessing()
        {
            // Cancels the requests in flight and any wait, so Ctrl+C returns at once.
            _stop.Cancel();
        }

        /// <summary>-Context, else the connected default, else the environment; a terminating error when there is none.</summary>
        protected KooPhoneContext ResolveContext()
        {
            KooPhoneContext? context;
            HostProduct.DescribeOnce(this);
            try
            {
                context = Context ?? KooPhoneContextRegistry.Current();
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, ErrorRecords.NotConnected, ErrorCategory.InvalidArgument, null));
                throw;
            }

            if (context == null)
            {
                var error = new InvalidOperationException(ConnectionHelp.NoConnection);
                ThrowTerminatingError(new ErrorRecord(error, ErrorRecords.NotConnected, ErrorCategory.AuthenticationError, null));
            }

            if (context!.IsDisposed)
            {
                var error = new InvalidOperationException("This KooPhone context was disconnected. Run Connect-KooPhone again.");
                ThrowTerminatingError(new ErrorRecord(error, ErrorRecords.NotConnected, ErrorCategory.InvalidOperation, context));
            }

            return context;
        }

        /// <summary>
        /// Confirmation for operations that cannot be undone or cost money (ConfirmImpact High): one
        /// ShouldProcess question per target at most (its Yes to All covers a fleet). -Force skips
        /// the question but never -WhatIf; an explicit -Confirm still asks. A host that cannot ask
        /// (-NonInteractive, Automation) gets one terminating error that says what to pass,
        /// before anything is sent.
        /// </summary>
        protected bool ConfirmWithForce(string target, string action, bool force)
        {
            if (force && !WhatIfRequested && !ConfirmRequested)
            {
                return true;
            }

            try
            {
                return ShouldProcess(target, action);
            }
            catch (Exception e) when (e is PSInvalidOperationException || e is System.Management.Automation.Host.HostException || e is NotImplementedException)
            {
                var error = new InvalidOperationException(
                    $"{MyInvocation.MyCommand.Name} asks before it acts ({action}), and this session cannot answer a prompt. " +
                    "Pass -Force (or -Confirm:$false) to go ahead without asking, or -WhatIf to see what it would do. Nothing was sent.", e);
                ThrowTerminatingError(new ErrorRecord(error, "KooPhone.ConfirmationRequired", ErrorCategory.InvalidOperation, target));
                return false;
            }
        }

        private bool ConfirmRequested =>
            MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && LanguagePrimitives.IsTrue(confirm);

        // -WhatIf, or $WhatIfPreference when it is not given: either way nothing may be sent.
        private bool WhatIfRequested =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? LanguagePrimitives.IsTrue(whatIf)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        /// <summary>Writes the request traces and verbose messages gathered so far (from any thread) as verbose lines.</summary>
        protected void WriteTraces()
        {
            while (_traces.TryTake(out var trace))
            {
                WriteVerbose(trace.ToString());
            }

            while (_verbose.TryDequeue(out var message))
            {
                WriteVerbose(message);
            }
        }

        /// <summary>Keeps a verbose message from a worker thread until the pipeline thread writes it.</summary>
        protected void QueueVerbose(string message) => _verbose.Enqueue(message);

        /// <summary>
        /// Waits for engine work on the pipeline thread, writing traces meanwhile. Ctrl+C ends the
        /// wait at once; the engine's exception comes out as itself, not wrapped.
        /// </summary>
        protected T Await<T>(Task<T> task)
        {
            AwaitCore(task);
            return task.Result;
        }

        protected void Await(Task task) => AwaitCore(task);

        /// <summary>
        /// Runs engine work that may wait (a batch dispatch, the next page): cancellation caused by
        /// Ctrl+C comes out as the exception PowerShell expects.
        /// </summary>
        protected T Stoppable<T>(Func<T> step)
        {
            try
            {
                return step();
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Turns cancellation caused by Ctrl+C into the exception PowerShell expects.</summary>
        protected void ThrowIfStopping()
        {
            if (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private void AwaitCore(Task task)
        {
            try
            {
                while (!task.Wait((int)TraceFlushInterval.TotalMilliseconds, StopToken))
                {
                    WriteTraces();
                }
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                if (StopToken.IsCancellationRequested && e.InnerException is OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }

                ExceptionDispatchInfo.Capture(e.InnerException!).Throw();
            }
            finally
            {
                if (!StopToken.IsCancellationRequested)
                {
                    WriteTraces();
                }
            }
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                // A pipeline that ended early (Select-Object -First, an error) must leave no request running.
                _stopWatch?.Dispose();
                _stop.Cancel();
                _stop.Dispose();
            }
        }
    }
}
