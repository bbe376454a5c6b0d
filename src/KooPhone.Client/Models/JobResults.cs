using System.Collections.Generic;
using KooPhone.Client.Api;

namespace KooPhone.Client.Models
{
    /// <summary>Turns the service's answer to an asynchronous batch into one result per instance.</summary>
    public static class JobResults
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
                    SubmittedAt = submission.SubmittedAt,
                };
            }
        }
    }
}
