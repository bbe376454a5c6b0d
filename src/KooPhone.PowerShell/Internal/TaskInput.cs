using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;
using KooPhone.Client.Waiting;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// The input of Get-KooPhoneTask and Wait-KooPhoneTask, handed the cmdlet: task ids, the
    /// results of a batch cmdlet (which carry the job id → instance id map the task query itself
    /// lacks), or rows read back from a file or the run record, gathered into one result per job.
    /// </summary>
    internal sealed class TaskInput
    {
        private readonly Cmdlet _cmdlet;

        // Results keyed by task, in the order first seen; a task given only by id has an empty list
        // until its jobs are read.
        private readonly Dictionary<string, List<KooPhoneJobResult>> _byTask = new Dictionary<string, List<KooPhoneJobResult>>(StringComparer.Ordinal);
        private readonly List<string> _taskOrder = new List<string>();
        private readonly HashSet<string> _seenJobs = new HashSet<string>(StringComparer.Ordinal);

        // Results without a task that are followed through the instances' state (run record entries).
        private readonly List<KooPhoneJobResult> _stateOnly = new List<KooPhoneJobResult>();
        private readonly JobStatusFallbacks _fallbacks = JobStatusFallbacks.Create(1);
        private int _skipped;

        public TaskInput(Cmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>The runs of this session whose entries were given (rows with a RunId).</summary>
        public RunSources Sources { get; } = new RunSources();

        /// <summary>How many pipeline inputs have been taken, for errors that name one.</summary>
        public int Count { get; set; }

        /// <summary>Task ids given as such.</summary>
        public void AddTaskIds(IEnumerable<string> taskIds)
        {
            foreach (var id in taskIds)
            {
                if (string.IsNullOrWhiteSpace(id))
                {
                    _cmdlet.WriteError(ErrorRecords.Invalid($"Input {Count} has an empty task id; nothing was polled for it.", "KooPhone.NoTask", id));
                    continue;
                }

                TaskEntry(id.Trim());
            }
        }

        /// <summary>A result of a batch cmdlet; copied, so the caller's objects are not changed under it.</summary>
        public void AddResult(KooPhoneJobResult result)
        {
            if (string.IsNullOrEmpty(result.TaskId))
            {
                _cmdlet.WriteError(ErrorRecords.Invalid($"The result for instance '{result.InstanceId}' has no task id; the service did not return a task for it.", "KooPhone.NoTask", result));
                return;
            }

            if (result.JobId != null && !_seenJobs.Add(result.JobId))
            {
                return;
            }

            TaskEntry(result.TaskId!).Add(Copy(result));
        }

        /// <summary>A result given by its properties (a row read back from a file, a run record entry).</summary>
        public void AddRow(string? taskId, string? instanceId, string? jobId, string? operation, DateTime? submittedAt, string? outcome, int? runId = null)
        {
            var result = new KooPhoneJobResult
            {
                InstanceId = instanceId ?? "",
                Operation = operation ?? "",
                TaskId = string.IsNullOrEmpty(taskId) ? null : taskId,
                JobId = string.IsNullOrEmpty(jobId) ? null : jobId,
                Status = KooPhoneJobStatus.Submitted,
                // Without a time a backup's state could be taken for ours however old; now errs the safe way.
                SubmittedAt = submittedAt.HasValue ? UtcTime.FromInput(submittedAt.Value) : DateTime.UtcNow,
            };

            if (runId.HasValue && !string.IsNullOrEmpty(outcome))
            {
                Sources.Add(runId.Value, result.InstanceId, result.TaskId, result.JobId);
            }

            if (result.TaskId != null)
            {
                AddResult(result);
            }
            else if (string.IsNullOrEmpty(outcome))
            {
                _cmdlet.WriteError(ErrorRecords.Invalid($"Input {Count} (instance '{result.InstanceId}', job '{result.JobId}') has an empty TaskId; nothing was polled for it.", "KooPhone.NoTask", result.InstanceId));
            }
            else if (IsFollowable(outcome!, result.Operation) && !string.IsNullOrEmpty(result.InstanceId))
            {
                result.Status = KooPhoneJobStatus.Running;
                _stateOnly.Add(result);
            }
            else
            {
                _skipped++;
            }
        }

        /// <summary>Says once how many run record entries were skipped, as nothing can be waited for on them.</summary>
        public void ReportSkipped()
        {
            if (_skipped > 0)
            {
                _cmdlet.WriteWarning($"Skipped {_skipped} entries without a task: they were not carried out (Error, NotSent), or their operation does not show in the instances' state. Get-KooPhoneRun shows them.");
            }
        }

        /// <summary>
        /// One result per job: the piped ones (also returned in <paramref name="piped"/>, as their
        /// status is still to be read), and for a task given only by id, every job
        /// <paramref name="readJobs"/> reports now. A task given by id that cannot be read gives an error.
        /// </summary>
        public List<KooPhoneJobResult> ReadJobs(Func<string, IReadOnlyList<JobSnapshot>> readJobs, out List<KooPhoneJobResult> piped)
        {
            var all = new List<KooPhoneJobResult>();
            piped = new List<KooPhoneJobResult>();
            foreach (var taskId in _taskOrder)
            {
                var results = _byTask[taskId];
                if (results.Count > 0)
                {
                    piped.AddRange(results);
                }
                else
                {
                    try
                    {
                        results.AddRange(readJobs(taskId).Select(job => NewResult(taskId, job)));
                    }
                    catch (Exception e) when (ErrorRecords.IsCallFailure(e))
                    {
                        _cmdlet.WriteError(ErrorRecords.ForTarget(e, taskId, "Reading task"));
                        continue;
                    }
                }

                all.AddRange(results);
            }

            piped.AddRange(_stateOnly);
            all.AddRange(_stateOnly);
            return all;
        }

        // A run record entry without a task: followable when it was (or may have been) carried
        // out and its operation's effect shows in the instances' state.
        private bool IsFollowable(string outcome, string operation) =>
            (string.Equals(outcome, nameof(RunOutcome.Result), StringComparison.OrdinalIgnoreCase) || string.Equals(outcome, nameof(RunOutcome.Unknown), StringComparison.OrdinalIgnoreCase))
            && _fallbacks.For(KooPhoneOperation.Find(operation)) != null;

        private List<KooPhoneJobResult> TaskEntry(string taskId)
        {
            if (!_byTask.TryGetValue(taskId, out var results))
            {
                results = new List<KooPhoneJobResult>();
                _byTask[taskId] = results;
                _taskOrder.Add(taskId);
            }

            return results;
        }

        private static KooPhoneJobResult NewResult(string taskId, JobSnapshot job)
        {
            var result = new KooPhoneJobResult { TaskId = taskId, JobId = job.JobId, Status = job.Status, ErrorCode = job.ErrorCode, ErrorMessage = job.ErrorMessage, Output = job.Output };
            if (job.Status.IsTerminal())
            {
                result.CompletedAt = DateTime.UtcNow;
            }

            return result;
        }

        private static KooPhoneJobResult Copy(KooPhoneJobResult source) => new KooPhoneJobResult
        {
            InstanceId = source.InstanceId,
            Operation = source.Operation,
            TaskId = source.TaskId,
            JobId = source.JobId,
            Status = source.Status,
            ErrorCode = source.ErrorCode,
            ErrorMessage = source.ErrorMessage,
            Output = source.Output,
            RequestId = source.RequestId,
            SubmittedAt = source.SubmittedAt,
            Evidence = source.Evidence,
            LastPollError = source.LastPollError,
            CompletedAt = source.CompletedAt,
        };
    }
}
