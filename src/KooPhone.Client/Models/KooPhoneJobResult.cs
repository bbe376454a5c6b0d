using System;

namespace KooPhone.Client.Models
{
    /// <summary>
    /// One instance's share of an asynchronous batch operation (backup, reset, async command…):
    /// the task and job that carry it, where it stands, and the x-request-id of the HTTP request
    /// that submitted it.
    /// </summary>
    public sealed class KooPhoneJobResult
    {
        public string InstanceId { get; set; } = "";

        /// <summary>The API operation that submitted the job, e.g. BatchBackupInstances.</summary>
        public string Operation { get; set; } = "";

        public string? TaskId { get; set; }

        public string? JobId { get; set; }

        public KooPhoneJobStatus Status { get; set; }

        /// <summary>The per-job error code when the job failed (e.g. CPS0005).</summary>
        public string? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }

        /// <summary>The job's execute_msg: command output, or the service's note.</summary>
        public string? Output { get; set; }

        public string? RequestId { get; set; }

        /// <summary>The request id the service answered with, when it is not RequestId (a gateway may answer with its own); null otherwise.</summary>
        public string? ServiceRequestId { get; set; }

        public DateTime SubmittedAt { get; set; }

        /// <summary>Set when the answer was lost and the instance's state showed the call was carried out (then there is no task or job id): what it showed.</summary>
        public string? Evidence { get; set; }

        /// <summary>
        /// Why the last poll did not learn where this job stands: the task query or the state read
        /// failed, or the task's answer did not list the job. Empty once a poll reads it again.
        /// Polling goes on regardless, so a job still pending at the time limit says why here.
        /// </summary>
        public string? LastPollError { get; set; }

        /// <summary>When the client saw the job end; null until then.</summary>
        public DateTime? CompletedAt { get; set; }

        public override string ToString() => InstanceId + " " + Status;
    }
}
