using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api.Wire;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    public sealed partial class KooPhoneApiClient
    {
        /// <summary>BatchBackupInstances: backs up to 100 instances to OBS and releases their machines.</summary>
        public Task<BatchSubmission> BackupInstancesAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            SubmitTaskAsync(KooPhoneOperation.BatchBackupInstances, new InstanceIdsRequest(instanceIds), cancellationToken);

        /// <summary>ExecuteJob: the jobs of one task.</summary>
        public async Task<IReadOnlyList<JobSnapshot>> GetTaskJobsAsync(string taskId, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(taskId))
            {
                throw new ArgumentException("The task id is empty.", nameof(taskId));
            }

            var call = new ApiCall(KooPhoneOperation.ExecuteJob, KooPhoneOperation.ExecuteJob.RelativePath(taskId), null, NewRequestId());
            var response = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            var data = ResponseEnvelope.ReadData<JobsData>(response, KooPhoneJson.Options);
            return (data.Jobs ?? new List<JobDetail>())
                .Where(j => !string.IsNullOrEmpty(j.JobId))
                .Select(j => new JobSnapshot(j.JobId!, KooPhoneJobStatusExtensions.FromApiJobStatus(j.Status), NullIfEmpty(j.ErrorCode), NullIfEmpty(j.ErrorMessage), NullIfEmpty(j.ExecuteMessage)))
                .ToList();
        }

        /// <summary>The shape every task-returning batch call shares: task_id and cmd_jobs are mandatory (docs/operations.md).</summary>
        private async Task<BatchSubmission> SubmitTaskAsync(KooPhoneOperation operation, object body, CancellationToken cancellationToken)
        {
            var requestId = NewRequestId();
            var submittedAt = DateTime.UtcNow;
            var response = await SendAsync(new ApiCall(operation, operation.RelativePath(), body, requestId), cancellationToken).ConfigureAwait(false);
            var data = ResponseEnvelope.ReadData<TaskData>(response, KooPhoneJson.Options);
            if (data.TaskId == null && data.Nested != null)
            {
                data = data.Nested;
            }

            var jobIds = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var job in data.CmdJobs ?? new List<CmdJob>())
            {
                if (!string.IsNullOrEmpty(job.InstanceId) && !string.IsNullOrEmpty(job.JobId))
                {
                    jobIds[job.InstanceId!] = job.JobId!;
                }
            }

            return new BatchSubmission(operation, data.TaskId!, jobIds, requestId, submittedAt, response.ServiceRequestId);
        }

        private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
