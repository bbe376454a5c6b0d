using System.Collections.Generic;
using System.Linq;
using KooPhone.Client.Api;

namespace KooPhone.Client.Models
{
    /// <summary>Turns the service's answer to an asynchronous batch into one result per instance.</summary>
    internal static class JobResults
    {
        public static IEnumerable<KooPhoneJobResult> FromSubmission(IEnumerable<string> instanceIds, BatchSubmission submission)
        {
            foreach (var id in instanceIds)
            {
                yield return new KooPhoneJobResult
                {
                    InstanceId = id,
                    Operation = submission.Operation.Name,
                    TaskId = submission.TaskId,
                    JobId = submission.JobIds.TryGetValue(id, out var jobId) ? jobId : null,
                    Status = KooPhoneJobStatus.Submitted,
                    RequestId = submission.RequestId,
                    ServiceRequestId = submission.ServiceRequestId,
                    SubmittedAt = submission.SubmittedAt,
                };
            }
        }

        /// <summary>
        /// Results for instances whose answer was lost but whose state shows the call was carried
        /// out: no task or job id is known, so -Wait follows them through their state.
        /// </summary>
        public static IEnumerable<KooPhoneJobResult> CarriedOut(KooPhoneOperation operation, IEnumerable<string> instanceIds, IEnumerable<string> evidence, string? requestId, System.DateTime submittedAt) =>
            instanceIds.Zip(evidence, (id, why) => new KooPhoneJobResult
            {
                InstanceId = id,
                Operation = operation.Name,
                Status = KooPhoneJobStatus.Running,
                RequestId = requestId,
                SubmittedAt = submittedAt,
                Evidence = why,
            });

        /// <summary>A result an earlier run recorded in a journal, to be written (and with -Wait followed) again.</summary>
        public static KooPhoneJobResult FromRunEntry(KooPhone.Client.Runs.KooPhoneRunEntry entry, string evidence) => new KooPhoneJobResult
        {
            InstanceId = entry.InstanceId,
            Operation = entry.Operation,
            TaskId = string.IsNullOrEmpty(entry.TaskId) ? null : entry.TaskId,
            JobId = string.IsNullOrEmpty(entry.JobId) ? null : entry.JobId,
            Status = System.Enum.TryParse<KooPhoneJobStatus>(entry.Status, out var status) ? status : KooPhoneJobStatus.Submitted,
            RequestId = entry.RequestId,
            SubmittedAt = entry.SubmittedAt ?? entry.At,
            Evidence = evidence,
        };
    }
}
