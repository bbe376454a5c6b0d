using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Batching;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    /// <summary>What one query by id found: the instance, nothing (not found), or the error that ended the call.</summary>
    internal sealed class InstanceIdAnswer
    {
        public InstanceIdAnswer(string instanceId, KooPhoneInstance? instance, Exception? error)
        {
            InstanceId = instanceId;
            Instance = instance;
            Error = error;
        }

        public string InstanceId { get; }

        public KooPhoneInstance? Instance { get; }

        public Exception? Error { get; }
    }

    /// <summary>
    /// Get-KooPhoneInstance's lookup one id at a time: one filtered ListInstances query per id,
    /// -ThrottleLimit at a time, through the batching engine. The dispatcher does not wait for its
    /// calls when the lookup ends early (Select-Object -First, Ctrl+C, an error), so the calls get a
    /// token of their own and are kept: <see cref="Dispose"/> cancels those still running and waits
    /// for them, so the command returns only when it has finished talking to the service.
    /// Not thread-safe: one caller (the pipeline thread) drives it.
    /// </summary>
    internal sealed class InstanceIdQueries : IDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly BatchDispatcher<string, InstancePage> _dispatcher;
        private readonly List<Task> _running = new List<Task>();

        public InstanceIdQueries(KooPhoneApiClient api, int throttleLimit, CancellationToken cancellationToken)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _dispatcher = new BatchDispatcher<string, InstancePage>(1, throttleLimit, (batch, ct) =>
            {
                var call = api.ListInstancesAsync(new InstanceQuery { InstanceId = batch[0] }, 1, 1, ct);

                // Called on the caller's thread; ended calls are dropped so a long list stays small.
                _running.RemoveAll(t => t.IsCompleted);
                _running.Add(call);
                return call;
            }, _stop.Token);
        }

        /// <summary>Queues the query of one id; returns the queries that ended meanwhile. Blocks only while -ThrottleLimit calls are in flight.</summary>
        public IReadOnlyList<InstanceIdAnswer> Add(string instanceId) => _dispatcher.Add(instanceId).Select(Answer).ToList();

        /// <summary>Sends what is left and returns every remaining answer.</summary>
        public IReadOnlyList<InstanceIdAnswer> Complete() => _dispatcher.Complete().Select(Answer).ToList();

        public void Dispose()
        {
            _stop.Cancel();
            foreach (var call in _running)
            {
                try
                {
                    call.Wait();
                }
                catch (AggregateException)
                {
                    // Its outcome was reported, or nobody wants it any more.
                }
            }

            _stop.Dispose();
        }

        private static InstanceIdAnswer Answer(CompletedBatch<string, InstancePage> lookup)
        {
            var id = lookup.Items[0];
            return lookup.Succeeded
                ? new InstanceIdAnswer(id, lookup.Response!.Instances.FirstOrDefault(i => i.InstanceId == id), null)
                : new InstanceIdAnswer(id, null, lookup.Error);
        }
    }
}
