using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;
using KooPhone.Client.Waiting;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// What Get-KooPhoneTask and Wait-KooPhoneTask share: they take task ids, or the results of a
    /// batch cmdlet (which carry the job id → instance id map the task query itself lacks), and
    /// turn them into one result object per job.
    /// </summary>
    public abstract class TaskCmdlet : KooPhoneCmdlet
    {
        protected const string ByTaskIdSet = "ByTaskId";
        protected const string ByResultSet = "ByResult";

        // Results keyed by task, in the order first seen; a task given only by id has an empty list
        // until its jobs are read.
        private readonly Dictionary<string, List<KooPhoneJobResult>> _byTask = new Dictionary<string, List<KooPhoneJobResult>>(StringComparer.Ordinal);
        private readonly List<string> _taskOrder = new List<string>();
        private readonly HashSet<string> _seenJobs = new HashSet<string>(StringComparer.Ordinal);

        // Results without a task that are followed through the instances' state (run record entries).
        private readonly List<KooPhoneJobResult> _stateOnly = new List<KooPhoneJobResult>();
        private readonly JobStatusFallbacks _fallbacks = JobStatusFallbacks.Create(1);
        private int _inputCount;
        private int _skipped;

        /// <summary>
        /// <para type="description">Ids of the tasks, as asynchronous cmdlets return them in TaskId. Piped objects give their TaskId property, and with it JobId, InstanceId, Operation and SubmittedAt: results read back with Import-Csv, Import-Clixml or ConvertFrom-Json, and Get-KooPhoneRun's entries, resume as the live results do. An object without a TaskId property is refused.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByTaskIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [TaskIdTransformation]
        [AllowNull]
        [AllowEmptyString]
        public string[] TaskId { get; set; } = Array.Empty<string>();

        /// <summary>
        /// <para type="description">The job of the task, bound by property name from a result read back from a file, so the job is reported against its instance.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByTaskIdSet, ValueFromPipelineByPropertyName = true)]
        public string? JobId { get; set; }

        /// <summary>
        /// <para type="description">The instance the job is for, bound by property name with JobId.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByTaskIdSet, ValueFromPipelineByPropertyName = true)]
        public string? InstanceId { get; set; }

        /// <summary>
        /// <para type="description">The API operation that submitted the job (e.g. BatchBackupInstances), bound by property name: it decides how the job is followed when the task query cannot report it.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByTaskIdSet, ValueFromPipelineByPropertyName = true)]
        public string? Operation { get; set; }

        /// <summary>
        /// <para type="description">When the job was submitted (read as UTC when no zone is given), bound by property name: a backup's state counts as this job's only when it is newer.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByTaskIdSet, ValueFromPipelineByPropertyName = true)]
        public DateTime? SubmittedAt { get; set; }

        /// <summary>
        /// <para type="description">The outcome of a Get-KooPhoneRun entry, bound by property name. An entry without a task is then followed through the instance's state when it was carried out (Result or Unknown) and its operation shows in the state, and skipped otherwise, instead of being refused.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByTaskIdSet, ValueFromPipelineByPropertyName = true)]
        public string? Outcome { get; set; }

        /// <summary>
        /// <para type="description">Results of Backup-KooPhoneInstance (or another asynchronous cmdlet), piped in. Each job is reported against its instance.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByResultSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public KooPhoneJobResult[] InputObject { get; set; } = Array.Empty<KooPhoneJobResult>();

        protected override void ProcessRecord()
        {
            _inputCount++;
            if (ParameterSetName == ByResultSet)
            {
                foreach (var result in InputObject)
                {
                    AddResult(result);
                }

                return;
            }

            if (!string.IsNullOrEmpty(JobId) || !string.IsNullOrEmpty(InstanceId))
            {
                AddRow((TaskId ?? Array.Empty<string>()).FirstOrDefault()?.Trim());
                return;
            }

            foreach (var id in TaskId ?? Array.Empty<string>())
            {
                if (string.IsNullOrWhiteSpace(id))
                {
                    WriteError(ErrorRecords.Invalid($"Input {_inputCount} has an empty task id; nothing was polled for it.", "KooPhone.NoTask", id));
                    continue;
                }

                TaskEntry(id.Trim());
            }
        }

        /// <summary>Says once how many run record entries were skipped, as nothing can be waited for on them.</summary>
        protected void ReportSkipped()
        {
            if (_skipped > 0)
            {
                WriteWarning($"Skipped {_skipped} entries without a task: they were not carried out (Error, NotSent), or their operation does not show in the instances' state. Get-KooPhoneRun shows them.");
            }
        }

        /// <summary>
        /// One result per job: the piped ones (copied, so the caller's objects are not changed under
        /// it; also returned in <paramref name="piped"/>, as their status is still to be read), and
        /// for a task given only by id, every job the task query reports now. A task given by id
        /// that the query cannot read gives an error.
        /// </summary>
        protected List<KooPhoneJobResult> ReadJobs(out List<KooPhoneJobResult> piped)
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
                        var jobs = Await(Api.GetTaskJobsAsync(taskId, StopToken));
                        results.AddRange(jobs.Select(job => NewResult(taskId, job)));
                    }
                    catch (Exception e) when (ErrorRecords.IsCallFailure(e))
                    {
                        WriteError(ErrorRecords.ForTarget(e, taskId, "Reading task"));
                        continue;
                    }
                }

                all.AddRange(results);
            }

            piped.AddRange(_stateOnly);
            all.AddRange(_stateOnly);
            return all;
        }

        private void AddResult(KooPhoneJobResult result)
        {
            if (string.IsNullOrEmpty(result.TaskId))
            {
                WriteError(ErrorRecords.Invalid($"The result for instance '{result.InstanceId}' has no task id; the service did not return a task for it.", "KooPhone.NoTask", result));
                return;
            }

            if (result.JobId != null && !_seenJobs.Add(result.JobId))
            {
                return;
            }

            TaskEntry(result.TaskId!).Add(Copy(result));
        }

        /// <summary>A result given by its properties (a row read back from a file, a run record entry).</summary>
        private void AddRow(string? taskId)
        {
            var result = new KooPhoneJobResult
            {
                InstanceId = InstanceId ?? "",
                Operation = Operation ?? "",
                TaskId = string.IsNullOrEmpty(taskId) ? null : taskId,
                JobId = string.IsNullOrEmpty(JobId) ? null : JobId,
                Status = KooPhoneJobStatus.Submitted,
                // Without a time a backup's state could be taken for ours however old; now errs the safe way.
                SubmittedAt = SubmittedAt.HasValue ? UtcTime.Of(SubmittedAt.Value) : DateTime.UtcNow,
            };

            if (result.TaskId != null)
            {
                AddResult(result);
            }
            else if (string.IsNullOrEmpty(Outcome))
            {
                WriteError(ErrorRecords.Invalid($"Input {_inputCount} (instance '{result.InstanceId}', job '{result.JobId}') has an empty TaskId; nothing was polled for it.", "KooPhone.NoTask", result.InstanceId));
            }
            else if (IsFollowable(Outcome!, result.Operation) && !string.IsNullOrEmpty(result.InstanceId))
            {
                result.Status = KooPhoneJobStatus.Running;
                _stateOnly.Add(result);
            }
            else
            {
                _skipped++;
            }
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
