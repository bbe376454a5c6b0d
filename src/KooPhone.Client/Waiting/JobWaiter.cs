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
    /// returns jobs without instance ids (docs/operations.md), so results are matched by job id. A
    /// task the query does not know is handed to the operation's fallback, so waiting still ends
    /// with a true answer. The caller drives the rounds, so progress and output stay on its thread.
    /// A failed poll is a fact about the jobs it was for, not the end of the wait: it is kept in
    /// their LastPollError and asked again next round, and the caller's time limit bounds it.
    /// </summary>
    internal sealed class JobWaiter : IStreamingWaiter<KooPhoneJobResult>
    {
        private readonly KooPhoneApiClient _api;

        // What is still held. Results given to the constructor are updated in place (Get-KooPhoneTask
        // writes them in its own order); results given to Add are the waiter's, packed while their
        // jobs run (PackedTaskJobs) and handed back as equal results, not the same objects.
        private readonly List<KooPhoneJobResult> _loose;
        private readonly Dictionary<string, PackedTaskJobs> _packed = new Dictionary<string, PackedTaskJobs>(StringComparer.Ordinal);

        // Add may come while a round runs (submission goes on beside polling); what it brings
        // waits here, packed as well, until the next round or call between rounds takes it in.
        private readonly object _incomingLock = new object();
        private List<KooPhoneJobResult> _incomingLoose = new List<KooPhoneJobResult>();
        private Dictionary<string, PackedTaskJobs> _incomingPacked = new Dictionary<string, PackedTaskJobs>(StringComparer.Ordinal);

        private readonly HashSet<string> _tasks = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<KooPhoneJobStatus, int> _takenByStatus = new Dictionary<KooPhoneJobStatus, int>();
        private int _taken;
        private readonly IJobStatusFallback? _fallback;
        private readonly int _concurrency;
        private readonly HashSet<string> _unpollableTasks = new HashSet<string>(StringComparer.Ordinal);

        public JobWaiter(KooPhoneApiClient api, IEnumerable<KooPhoneJobResult> results, IJobStatusFallback? fallback, int concurrency)
        {
            _api = api ?? throw new ArgumentNullException(nameof(api));
            _loose = new List<KooPhoneJobResult>(results ?? throw new ArgumentNullException(nameof(results)));
            _tasks.UnionWith(_loose.Where(r => r.TaskId != null).Select(r => r.TaskId!));
            _fallback = fallback;
            _concurrency = Math.Max(1, concurrency);
        }

        public int Total
        {
            get
            {
                TakeInIncoming();
                return _taken + _loose.Count + _packed.Values.Sum(group => group.Count);
            }
        }

        public int Finished
        {
            get
            {
                TakeInIncoming();
                return _taken + _loose.Count(IsSettled);
            }
        }

        public bool IsDone
        {
            get
            {
                TakeInIncoming();
                return _packed.Count == 0 && _loose.All(IsSettled);
            }
        }

        /// <summary>More to wait for; may be called while a round runs.</summary>
        public void Add(IEnumerable<KooPhoneJobResult> results)
        {
            lock (_incomingLock)
            {
                foreach (var result in results)
                {
                    if (result.TaskId != null)
                    {
                        _tasks.Add(result.TaskId);
                    }

                    if (!Pack(_incomingPacked, result))
                    {
                        _incomingLoose.Add(result);
                    }
                }
            }
        }

        public IReadOnlyList<KooPhoneJobResult> TakeEnded()
        {
            TakeInIncoming();
            var ended = _loose.Where(IsSettled).ToList();
            _loose.RemoveAll(IsSettled);
            CountTaken(ended);
            return ended;
        }

        /// <summary>Hands back what has not ended, one task at a time, so the rest is never all unpacked at once.</summary>
        public IEnumerable<KooPhoneJobResult> TakeRest()
        {
            TakeInIncoming();
            var loose = _loose.ToList();
            _loose.Clear();
            CountTaken(loose);
            foreach (var result in loose)
            {
                yield return result;
            }

            foreach (var taskId in _packed.Keys.ToList())
            {
                var group = _packed[taskId];
                _packed.Remove(taskId);
                var results = group.UnpackAll();
                CountTaken(results);
                foreach (var result in results)
                {
                    yield return result;
                }
            }
        }

        /// <summary>Task queries sent so far (ExecuteJob), one per task and round.</summary>
        public CallCount TaskQueries { get; } = new CallCount();

        /// <summary>Calls the fallbacks made so far to read the instances' state.</summary>
        public CallCount StateReads { get; } = new CallCount();

        public int Rounds { get; private set; }

        /// <summary>The distinct tasks behind the results.</summary>
        public int TaskCount => _tasks.Count;

        // The connection's clock: when a job is seen to end.
        private DateTime Now => _api.Context.Time.GetUtcNow().UtcDateTime;

        /// <summary>Count of results by status, for progress messages.</summary>
        public IReadOnlyDictionary<KooPhoneJobStatus, int> CountByStatus()
        {
            TakeInIncoming();
            var counts = new Dictionary<KooPhoneJobStatus, int>(_takenByStatus);
            foreach (var result in _loose)
            {
                counts[result.Status] = counts.TryGetValue(result.Status, out var n) ? n + 1 : 1;
            }

            foreach (var group in _packed.Values)
            {
                group.CountByStatus(counts);
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
            var unread = _loose.Count(r => !IsSettled(r) && r.LastPollError != null) + _packed.Values.Sum(group => group.Unread);
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
            TakeInIncoming();
            Rounds++;
            var looseByTask = _loose
                .Where(r => !IsSettled(r) && r.TaskId != null && r.JobId != null && !IsUnpollable(r.TaskId))
                .GroupBy(r => r.TaskId!, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
            var taskIds = _packed.Keys.Where(id => !IsUnpollable(id)).Union(looseByTask.Keys, StringComparer.Ordinal).ToList();
            var leaving = new List<KooPhoneJobResult>();

            using (var gate = new SemaphoreSlim(_concurrency))
            {
                await Task.WhenAll(taskIds.Select(taskId => PollTaskAsync(
                    taskId,
                    _packed.TryGetValue(taskId, out var group) ? group : null,
                    looseByTask.TryGetValue(taskId, out var loose) ? loose : new List<KooPhoneJobResult>(),
                    leaving,
                    gate,
                    cancellationToken))).ConfigureAwait(false);
            }

            _loose.AddRange(leaving);
            UnpackWhereDone();

            // Only the results still pending: a job the task query or an earlier round settled is not read again.
            var forFallback = _loose
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
                    JobResultUpdater.Finish(result, KooPhoneJobStatus.Unknown, null, "The service did not return a task that can be polled for this instance.", Now);
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
            catch (Exception e) when (PollFailure.IsAboutThisPoll(e))
            {
                foreach (var result in forFallback.Where(r => !IsSettled(r)))
                {
                    result.LastPollError = "Reading the instances' state failed: " + e.Message;
                }
            }
        }

        private async Task PollTaskAsync(
            string taskId, PackedTaskJobs? packed, List<KooPhoneJobResult> loose, List<KooPhoneJobResult> leaving, SemaphoreSlim gate, CancellationToken cancellationToken)
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
                catch (Exception e) when (PollFailure.IsAboutThisPoll(e))
                {
                    var error = "The task query failed: " + e.Message;
                    foreach (var result in loose)
                    {
                        result.LastPollError = error;
                    }

                    if (packed != null)
                    {
                        packed.LastPollError = error;
                    }

                    return;
                }

                var byJob = ByJob(jobs);
                foreach (var result in loose)
                {
                    if (byJob.TryGetValue(result.JobId!, out var state))
                    {
                        JobResultUpdater.Apply(result, state, Now);
                    }
                    else
                    {
                        result.LastPollError = $"The answer for task {taskId} did not list job {result.JobId}.";
                    }
                }

                if (packed != null)
                {
                    var left = new List<KooPhoneJobResult>();
                    packed.Apply(byJob, left, Now);
                    lock (leaving)
                    {
                        leaving.AddRange(left);
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }

        // After a round: a packed task that has no job left is dropped; one the task query does
        // not know is unpacked, so the fallback reads its jobs from the instances' state.
        private void UnpackWhereDone()
        {
            foreach (var group in _packed.Values.Where(group => group.Count == 0 || IsUnpollable(group.TaskId)).ToList())
            {
                _loose.AddRange(group.UnpackAll());
                _packed.Remove(group.TaskId);
            }
        }

        private void TakeInIncoming()
        {
            List<KooPhoneJobResult> loose;
            Dictionary<string, PackedTaskJobs> packed;
            lock (_incomingLock)
            {
                if (_incomingLoose.Count == 0 && _incomingPacked.Count == 0)
                {
                    return;
                }

                loose = _incomingLoose;
                packed = _incomingPacked;
                _incomingLoose = new List<KooPhoneJobResult>();
                _incomingPacked = new Dictionary<string, PackedTaskJobs>(StringComparer.Ordinal);
            }

            _loose.AddRange(loose);
            foreach (var group in packed.Values)
            {
                if (!_packed.ContainsKey(group.TaskId))
                {
                    _packed.Add(group.TaskId, group);
                    continue;
                }

                // The same task given again (a resumed run): its jobs join the packed ones where they fit.
                foreach (var result in group.UnpackAll())
                {
                    if (!Pack(_packed, result))
                    {
                        _loose.Add(result);
                    }
                }
            }
        }

        private static bool Pack(Dictionary<string, PackedTaskJobs> packed, KooPhoneJobResult result)
        {
            if (!PackedTaskJobs.CanPack(result))
            {
                return false;
            }

            if (packed.TryGetValue(result.TaskId!, out var group))
            {
                return group.TryAdd(result);
            }

            group = new PackedTaskJobs(result);
            if (!group.TryAdd(result))
            {
                return false;
            }

            packed.Add(result.TaskId!, group);
            return true;
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
    }
}
