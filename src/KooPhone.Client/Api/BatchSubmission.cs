using System;
using System.Collections.Generic;

namespace KooPhone.Client.Api
{
    /// <summary>The service's answer to an asynchronous batch call: the task and each instance's job.</summary>
    public sealed class BatchSubmission
    {
        public BatchSubmission(string? taskId, IReadOnlyDictionary<string, string> jobIds, string requestId, DateTime submittedAt)
        {
            TaskId = taskId;
            JobIds = jobIds;
            RequestId = requestId;
            SubmittedAt = submittedAt;
        }

        /// <summary>Null when the service answered without data, as releases before 3.1.198 did (reference 10, item 2).</summary>
        public string? TaskId { get; }

        /// <summary>Job id by instance id.</summary>
        public IReadOnlyDictionary<string, string> JobIds { get; }

        public string RequestId { get; }

        public DateTime SubmittedAt { get; }
    }
}
