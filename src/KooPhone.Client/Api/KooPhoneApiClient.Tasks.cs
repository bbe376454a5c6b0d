using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api.Wire;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    internal sealed partial class KooPhoneApiClient
    {
        /// <summary>BatchBackupInstances: backs up to 100 instances to OBS and releases their machines.</summary>
        internal Task<BatchSubmission> BackupInstancesAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            SubmitTaskAsync(KooPhoneOperation.BatchBackupInstances, new InstanceIdsRequest(instanceIds), cancellationToken);

        /// <summary>ExecuteJob: the jobs of one task.</summary>
        internal async Task<IReadOnlyList<JobSnapshot>> GetTaskJobsAsync(string taskId, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(taskId))
            {
                throw new ArgumentException("The task id is empty.", nameof(taskId));
            }

            var data = (await ReadAsync<JobsData>(KooPhoneOperation.ExecuteJob, KooPhoneOperation.ExecuteJob.RelativePath(taskId), null, cancellationToken).ConfigureAwait(false)).Data;
            return (data.Jobs ?? new List<JobDetail>())
                .Where(j => !string.IsNullOrEmpty(j.JobId))
                .Select(j => new JobSnapshot(j.JobId!, KooPhoneJobStatusExtensions.FromApiJobStatus(j.Status), NullIfEmpty(j.ErrorCode), NullIfEmpty(j.ErrorMessage), NullIfEmpty(j.ExecuteMessage)))
                .ToList();
        }

    }
}
