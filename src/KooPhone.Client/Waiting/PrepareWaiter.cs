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
    /// Polls ShowProgress for each prepared instance until it is Ready or Failed (reference 2.7,
    /// streaming session). ShowProgress takes one instance per call, so up to <c>concurrency</c>
    /// calls run at once. A failed poll is kept as the result's last error and tried again next round.
    /// </summary>
    public sealed class PrepareWaiter : IStreamingWaiter<KooPhonePrepareResult>
    {
        private readonly KooPhoneApiClient _api;
        private readonly List<KooPhonePrepareResult> _results = new List<KooPhonePrepareResult>();
        private readonly int _concurrency;
        private int _taken;

        public PrepareWaiter(KooPhoneApiClient api, IEnumerable<KooPhonePrepareResult> results, int concurrency)
        {
            _api = api;
            _results.AddRange(results);
            _concurrency = Math.Max(1, concurrency);
        }

        public int Total => _taken + _results.Count;

        public int Finished => _taken + _results.Count(IsFinished);

        public bool IsDone => _results.All(IsFinished);

        public void Add(IEnumerable<KooPhonePrepareResult> items) => _results.AddRange(items);

        public IReadOnlyList<KooPhonePrepareResult> TakeEnded()
        {
            var ended = _results.Where(IsFinished).ToList();
            _results.RemoveAll(IsFinished);
            _taken += ended.Count;
            return ended;
        }

        public IReadOnlyList<KooPhonePrepareResult> TakeRest()
        {
            var rest = _results.ToList();
            _results.Clear();
            _taken += rest.Count;
            return rest;
        }

        public string Describe() => $"{Finished} of {Total} instances ready or failed";

        public async Task PollOnceAsync(CancellationToken cancellationToken)
        {
            using (var gate = new SemaphoreSlim(_concurrency))
            {
                await Task.WhenAll(_results.Where(r => !IsFinished(r)).Select(async result =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
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
