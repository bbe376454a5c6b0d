using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// Polls ShowProgress for each prepared instance until it is Ready or Failed (docs/api-reference.md §2.7,
    /// streaming session). ShowProgress takes one instance per call, so up to <c>concurrency</c>
    /// calls run at once. A failed poll is kept as the result's last error and tried again next round.
    /// </summary>
    internal sealed class PrepareWaiter : IStreamingWaiter<KooPhonePrepareResult>
    {
        private readonly KooPhoneApiClient _api;
        private readonly List<KooPhonePrepareResult> _results = new List<KooPhonePrepareResult>();
        private readonly List<KooPhonePrepareResult> _incoming = new List<KooPhonePrepareResult>();
        private readonly int _concurrency;
        private int _taken;
        private int _rounds;

        public PrepareWaiter(KooPhoneApiClient api, IEnumerable<KooPhonePrepareResult> results, int concurrency)
        {
            _api = api;
            _results.AddRange(results);
            _concurrency = Math.Max(1, concurrency);
        }

        public int Total => _taken + Held().Count;

        public int Finished => _taken + Held().Count(IsFinished);

        public bool IsDone => Held().All(IsFinished);

        /// <summary>More to wait for; may be called while a round runs.</summary>
        public void Add(IEnumerable<KooPhonePrepareResult> items)
        {
            lock (_incoming)
            {
                _incoming.AddRange(items);
            }
        }

        // What is held, with what Add brought meanwhile; only between rounds or at a round's start.
        private List<KooPhonePrepareResult> Held()
        {
            lock (_incoming)
            {
                _results.AddRange(_incoming);
                _incoming.Clear();
            }

            return _results;
        }

        public IReadOnlyList<KooPhonePrepareResult> TakeEnded()
        {
            var ended = Held().Where(IsFinished).ToList();
            _results.RemoveAll(IsFinished);
            _taken += ended.Count;
            return ended;
        }

        public IEnumerable<KooPhonePrepareResult> TakeRest()
        {
            var rest = Held().ToList();
            _results.Clear();
            _taken += rest.Count;
            return rest;
        }

        public string Describe() => $"{Finished} of {Total} instances ready or failed";

        /// <summary>Progress queries sent so far, one per instance and round.</summary>
        public CallCount ProgressQueries { get; } = new CallCount();

        public string DescribeCost() => $"Polling: {_rounds} rounds, {ProgressQueries.Value} progress queries for {Total} instances.";

        public async Task PollOnceAsync(CancellationToken cancellationToken)
        {
            _rounds++;
            using (var gate = new SemaphoreSlim(_concurrency))
            {
                await Task.WhenAll(Held().Where(r => !IsFinished(r)).ToList().Select(async result =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        ProgressQueries.Add(1);
                        var progress = await _api.GetPrepareProgressAsync(result.UserId, result.InstanceId, cancellationToken).ConfigureAwait(false);
                        result.Progress = progress.Progress;
                        result.WaitingCount = progress.WaitingCount;
                    }
                    catch (KooPhoneApiException)
                    {
                        // Left unfinished: the next round asks again, and the timeout bounds the wait.
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ConfigureAwait(false);
            }
        }

        private static bool IsFinished(KooPhonePrepareResult result) =>
            result.Progress == PrepareProgressStatus.Ready || result.Progress == PrepareProgressStatus.Failed;
    }
}
