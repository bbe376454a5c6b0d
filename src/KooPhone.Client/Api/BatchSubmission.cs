using System;
using System.Collections.Generic;

namespace KooPhone.Client.Api
{
    /// <summary>The service's answer to an asynchronous batch call: the task and each instance's job.</summary>
    public sealed class BatchSubmission : IPartialAnswer
    {
        internal BatchSubmission(KooPhoneOperation operation, string taskId, IReadOnlyDictionary<string, string> jobIds, string requestId, DateTime submittedAt, string? serviceRequestId)
        {
            ServiceRequestId = serviceRequestId;
            Operation = operation;
            TaskId = taskId;
            JobIds = jobIds;
            RequestId = requestId;
            SubmittedAt = submittedAt;
        }

        /// <summary>The operation that submitted the task; it decides how jobs the task query cannot report are followed.</summary>
        internal KooPhoneOperation Operation { get; }

        /// <summary>The task to poll. An answer without one is malformed, not a submission (docs/operations.md).</summary>
        public string TaskId { get; }

        /// <summary>Job id by instance id.</summary>
        public IReadOnlyDictionary<string, string> JobIds { get; }

        public string RequestId { get; }

        /// <summary>The service's own request id, when it answered with one other than RequestId.</summary>
        public string? ServiceRequestId { get; }

        public DateTime SubmittedAt { get; }

        /// <summary>An instance is answered when the task names its job: the reference promises one per instance (docs/api-reference.md §3.2).</summary>
        bool IPartialAnswer.Answers(string instanceId) => JobIds.ContainsKey(instanceId);

        Exception IPartialAnswer.LeftOut() =>
            new KooPhoneApiException(Operation.Name, KooPhoneErrorCodes.MalformedResponse, $"the service answered with task {TaskId} and no job for this instance", 200, RequestId,
                outcomeUnknown: true, serviceRequestId: ServiceRequestId);
    }
}
