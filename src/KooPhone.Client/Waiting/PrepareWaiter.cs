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
    public sealed class PrepareWaiter : IPollingWaiter
    {
        private readonly KooPhoneApiClient _api;
        private readonly IReadOnlyList<KooPhonePrepareResult> _results;
        private readonly int _concurrency;

        public PrepareWaiter(KooPhoneApiClient api, IReadOnlyList<KooPhonePrepareResult> results, int concurrency)
        {
            _api = api;
            _results = results;
            _concurrency = Math.Max(1, concurrency);
        }

        public int Total => _results.Count;

        public int Finished => _results.Count(IsFinished);

        public bool IsDone => _results.All(IsFinished);

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
