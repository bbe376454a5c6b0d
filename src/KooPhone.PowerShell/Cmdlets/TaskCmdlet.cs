using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
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

        /// <summary>
        /// <para type="description">Ids of the tasks, as asynchronous cmdlets return them in TaskId.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByTaskIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] TaskId { get; set; } = Array.Empty<string>();

        /// <summary>
        /// <para type="description">Results of Backup-KooPhoneInstance (or another asynchronous cmdlet), piped in. Each job is reported against its instance.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByResultSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public KooPhoneJobResult[] InputObject { get; set; } = Array.Empty<KooPhoneJobResult>();

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByResultSet)
            {
                foreach (var result in InputObject)
                {
                    AddResult(result);
                }

                return;
            }

            foreach (var id in TaskId)
            {
                TaskEntry(id.Trim());
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
            CompletedAt = source.CompletedAt,
        };
    }
}
