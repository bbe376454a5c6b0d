using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// Polls the tasks behind a set of job results until every job has ended. The task query
    /// returns jobs without instance ids (docs/operations.md), so results are matched by job id. A
    /// task the query does not know is handed to the operation's fallback, so waiting still ends
    /// with a true answer. The caller drives the rounds, so progress and output stay on its thread.
    /// A failed poll is a fact about the jobs it was for, not the end of the wait: it is kept in
    /// their LastPollError and asked again next round, and the caller's time limit bounds it.
    /// </summary>
    public sealed class JobWaiter : IStreamingWaiter<KooPhoneJobResult>
    {
        private readonly KooPhoneApiClient _api;

        // What is still held: results not ended, and ended ones not yet taken.
        private readonly List<KooPhoneJobResult> _results;
        private readonly HashSet<string> _tasks = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<KooPhoneJobStatus, int> _takenByStatus = new Dictionary<KooPhoneJobStatus, int>();
        private int _taken;
        private readonly IJobStatusFallback? _fallback;
        private readonly int _concurrency;
        private readonly HashSet<string> _unpollableTasks = new HashSet<string>(StringComparer.Ordinal);

        public JobWaiter(KooPhoneApiClient api, IEnumerable<KooPhoneJobResult> results, IJobStatusFallback? fallback, int concurrency)
        {
            _api = api ?? throw new ArgumentNullException(nameof(api));
            _results = new List<KooPhoneJobResult>();
            _fallback = fallback;
            _concurrency = Math.Max(1, concurrency);
            Add(results ?? throw new ArgumentNullException(nameof(results)));
        }

        public int Total => _taken + _results.Count;

        public int Finished => _taken + _results.Count(IsSettled);

        public bool IsDone => _results.All(IsSettled);

        public void Add(IEnumerable<KooPhoneJobResult> results)
        {
            foreach (var result in results)
            {
                _results.Add(result);
                if (result.TaskId != null)
                {
                    _tasks.Add(result.TaskId);
                }
            }
        }

        public IReadOnlyList<KooPhoneJobResult> TakeEnded()
        {
            var ended = _results.Where(IsSettled).ToList();
            _results.RemoveAll(IsSettled);
            CountTaken(ended);
            return ended;
        }

        public IReadOnlyList<KooPhoneJobResult> TakeRest()
        {
            var rest = _results.ToList();
            _results.Clear();
            CountTaken(rest);
            return rest;
        }

        /// <summary>Task queries sent so far (ExecuteJob), one per task and round.</summary>
        public CallCount TaskQueries { get; } = new CallCount();

        /// <summary>Calls the fallbacks made so far to read the instances' state.</summary>
        public CallCount StateReads { get; } = new CallCount();

        /// <summary>Polling rounds so far.</summary>
        public int Rounds { get; private set; }

        /// <summary>The distinct tasks behind the results.</summary>
        public int TaskCount => _tasks.Count;

        /// <summary>Count of results by status, for progress messages.</summary>
        public IReadOnlyDictionary<KooPhoneJobStatus, int> CountByStatus()
        {
            var counts = new Dictionary<KooPhoneJobStatus, int>(_takenByStatus);
            foreach (var result in _results)
            {
                counts[result.Status] = counts.TryGetValue(result.Status, out var n) ? n + 1 : 1;
            }

            return counts;
        }

        private void CountTaken(IReadOnlyList<KooPhoneJobResult> taken)
        {
            _taken += taken.Count;
            foreach (var result in taken)
            {
                _takenByStatus[result.Status] = _takenByStatus.TryGetValue(result.Status, out var n) ? n + 1 : 1;
            }
        }

        public string Describe()
        {
            var text = $"{Finished} of {Total} jobs ended (" + string.Join(", ", CountByStatus().Select(pair => pair.Value + " " + pair.Key)) + ")";
            var unread = _results.Count(r => !IsSettled(r) && r.LastPollError != null);
            return unread == 0 ? text : text + $"; the last poll could not read {unread} (see LastPollError)";
        }

        /// <summary>What the polling cost so far, for a verbose line and the benchmarks.</summary>
        public string DescribeCost()
        {
            var tasks = TaskCount;
            var perTask = tasks == 0 ? 0 : (double)TaskQueries.Value / tasks;
            return FormattableString.Invariant($"Polling: {Rounds} rounds, {TaskQueries.Value} task queries for {tasks} tasks ({perTask:0.0} per task), {StateReads.Value} state reads.");
        }

        /// <summary>One round: asks each unfinished task once, then the fallback for what the task query cannot answer.</summary>
        public async Task PollOnceAsync(CancellationToken cancellationToken)
        {
            Rounds++;
            var pending = _results.Where(r => !IsSettled(r)).ToList();
            var byTask = pending
                .Where(r => r.TaskId != null && r.JobId != null && !IsUnpollable(r.TaskId))
                .GroupBy(r => r.TaskId!, StringComparer.Ordinal)
                .ToList();

            using (var gate = new SemaphoreSlim(_concurrency))
            {
                await Task.WhenAll(byTask.Select(group => PollTaskAsync(group.Key, group.ToList(), gate, cancellationToken))).ConfigureAwait(false);
            }

            // Only the results still pending: a job the task query or an earlier round settled is not read again.
            var forFallback = pending
                .Where(r => !IsSettled(r) && (r.TaskId == null || r.JobId == null || IsUnpollable(r.TaskId)))
                .ToList();
            if (forFallback.Count == 0)
            {
                return;
            }

            if (_fallback == null)
            {
                foreach (var result in forFallback)
                {
                    JobResultUpdater.Finish(result, KooPhoneJobStatus.Unknown, null, "The service did not return a task that can be polled for this instance.");
                }

                return;
            }

            try
            {
                await _fallback.UpdateAsync(_api, forFallback, StateReads, cancellationToken).ConfigureAwait(false);
                foreach (var result in forFallback)
                {
                    result.LastPollError = null;
                }
            }
            catch (Exception e) when (IsCallFailure(e))
            {
                foreach (var result in forFallback.Where(r => !IsSettled(r)))
                {
                    result.LastPollError = "Reading the instances' state failed: " + e.Message;
                }
            }
        }

        private async Task PollTaskAsync(string taskId, List<KooPhoneJobResult> results, SemaphoreSlim gate, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                TaskQueries.Add(1);
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
                catch (Exception e) when (IsCallFailure(e))
                {
                    foreach (var result in results)
                    {
                        result.LastPollError = "The task query failed: " + e.Message;
                    }

                    return;
                }

                var byJob = ByJob(jobs);
                foreach (var result in results)
                {
                    if (byJob.TryGetValue(result.JobId!, out var state))
                    {
                        JobResultUpdater.Apply(result, state);
                    }
                    else
                    {
                        result.LastPollError = $"The answer for task {taskId} did not list job {result.JobId}.";
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }

        /// <summary>
        /// The jobs of an answer by id. A job id listed twice keeps its first ended state (else its
        /// first state): a job that has ended cannot run again, so an end is the newer news.
        /// </summary>
        internal static Dictionary<string, JobSnapshot> ByJob(IEnumerable<JobSnapshot> jobs)
        {
            var byJob = new Dictionary<string, JobSnapshot>(StringComparer.Ordinal);
            foreach (var job in jobs)
            {
                if (!byJob.TryGetValue(job.JobId, out var seen) || (!seen.Status.IsTerminal() && job.Status.IsTerminal()))
                {
                    byJob[job.JobId] = job;
                }
            }

            return byJob;
        }

        private bool IsUnpollable(string taskId)
        {
            lock (_unpollableTasks)
            {
                return _unpollableTasks.Contains(taskId);
            }
        }

        /// <summary>A result is settled once the client has seen its end, including an end it could not learn (Unknown).</summary>
        private static bool IsSettled(KooPhoneJobResult result) => result.CompletedAt.HasValue;

        private static bool IsUnknownTask(KooPhoneApiException e) =>
            KooPhoneErrorCodes.AreSame(e.ErrorCode, KooPhoneErrorCodes.TaskNotFound)
            || KooPhoneErrorCodes.AreSame(e.ErrorCode, KooPhoneErrorCodes.ApiNotFound)
            || e.HttpStatus == 404;

        // A call that failed after its retries, or an answer that could not be read: about this
        // poll only. A refused credential (401, 403) still ends the wait, as no later round could
        // succeed; so do cancellation and faults of the module itself.
        private static bool IsCallFailure(Exception e) =>
            (e is KooPhoneApiException api && api.HttpStatus != 401 && api.HttpStatus != 403)
            || e is KooPhoneConnectionException || e is HttpRequestException;
    }
}
