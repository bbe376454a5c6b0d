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
    /// Polls the tasks behind a set of job results until every job has ended. The task query
    /// returns jobs without instance ids (reference 2.6), so results are matched by job id. A task
    /// the query does not know is handed to the operation's fallback, so waiting still ends with
    /// a true answer. The caller drives the rounds, so progress and output stay on its thread.
    /// </summary>
    public sealed class JobWaiter : IPollingWaiter
    {
        private readonly KooPhoneApiClient _api;
        private readonly IReadOnlyList<KooPhoneJobResult> _results;
        private readonly IJobStatusFallback? _fallback;
        private readonly int _concurrency;
        private readonly HashSet<string> _unpollableTasks = new HashSet<string>(StringComparer.Ordinal);

        public JobWaiter(KooPhoneApiClient api, IReadOnlyList<KooPhoneJobResult> results, IJobStatusFallback? fallback, int concurrency)
        {
            _api = api ?? throw new ArgumentNullException(nameof(api));
            _results = results ?? throw new ArgumentNullException(nameof(results));
            _fallback = fallback;
            _concurrency = Math.Max(1, concurrency);
        }

        public int Total => _results.Count;

        public int Finished => _results.Count(IsSettled);

        public bool IsDone => _results.All(IsSettled);

        /// <summary>Count of results by status, for progress messages.</summary>
        public IReadOnlyDictionary<KooPhoneJobStatus, int> CountByStatus() =>
            _results.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());

        public string Describe() =>
            $"{Finished} of {Total} jobs ended (" + string.Join(", ", CountByStatus().Select(pair => pair.Value + " " + pair.Key)) + ")";

        /// <summary>One round: asks each unfinished task once, then the fallback for what the task query cannot answer.</summary>
        public async Task PollOnceAsync(CancellationToken cancellationToken)
        {
            var pending = _results.Where(r => !IsSettled(r)).ToList();
            var byTask = pending
                .Where(r => r.TaskId != null && r.JobId != null && !_unpollableTasks.Contains(r.TaskId))
                .GroupBy(r => r.TaskId!, StringComparer.Ordinal)
                .ToList();

            using (var gate = new SemaphoreSlim(_concurrency))
            {
                await Task.WhenAll(byTask.Select(group => PollTaskAsync(group.Key, group.ToList(), gate, cancellationToken))).ConfigureAwait(false);
            }

            var forFallback = pending
                .Where(r => !IsSettled(r) && (r.TaskId == null || r.JobId == null || _unpollableTasks.Contains(r.TaskId)))
                .ToList();
            if (forFallback.Count > 0)
            {
                if (_fallback == null)
                {
                    foreach (var result in forFallback)
                    {
                        JobResultUpdater.Finish(result, KooPhoneJobStatus.Unknown, null, "The service did not return a task that can be polled for this instance.");
                    }
                }
                else
                {
                    await _fallback.UpdateAsync(_api, forFallback, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task PollTaskAsync(string taskId, List<KooPhoneJobResult> results, SemaphoreSlim gate, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                IReadOnlyList<JobSnapshot> jobs;
                try
                {
                    jobs = await _api.GetTaskJobsAsync(taskId, cancellationToken).ConfigureAwait(false);
                }
                catch (KooPhoneApiException e) when (IsUnknownTask(e))
                {
                    lock (_unpollableTasks)
                    {
                        _unpollableTasks.Add(taskId);
                    }

                    return;
                }

                var byJob = jobs.ToDictionary(j => j.JobId, StringComparer.Ordinal);
                foreach (var result in results)
                {
                    if (byJob.TryGetValue(result.JobId!, out var state))
                    {
                        JobResultUpdater.Apply(result, state);
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }

        /// <summary>A result is settled once the client has seen its end, including an end it could not learn (Unknown).</summary>
        private static bool IsSettled(KooPhoneJobResult result) => result.CompletedAt.HasValue;

        private static bool IsUnknownTask(KooPhoneApiException e) =>
            KooPhoneErrorCodes.AreSame(e.ErrorCode, KooPhoneErrorCodes.TaskNotFound)
            || KooPhoneErrorCodes.AreSame(e.ErrorCode, KooPhoneErrorCodes.ApiNotFound)
            || e.HttpStatus == 404;
    }
}
