using System;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// One id of a run as the run record keeps it: its outcome, what carried it (task, job,
    /// request) and when. Its property names are those Wait-KooPhoneTask binds, so a record read
    /// back from a CSV file resumes as well as the live objects do.
    /// </summary>
    public sealed class KooPhoneRunEntry
    {
        public int RunId { get; set; }

        /// <summary>The API operation, e.g. BatchBackupInstances.</summary>
        public string Operation { get; set; } = "";

        public string InstanceId { get; set; } = "";

        /// <summary>Set for operations on user–instance pairs only.</summary>
        public string? UserId { get; set; }

        public RunOutcome Outcome { get; set; }

        /// <summary>The status the service confirmed (Submitted, Accepted, Running…), or empty.</summary>
        public string? Status { get; set; }

        public string? TaskId { get; set; }

        public string? JobId { get; set; }

        /// <summary>The x-request-id of the call that carried it (the last one, after a resend).</summary>
        public string? RequestId { get; set; }

        /// <summary>The service's error code, or the module's (KooPhone.OutcomeUnknown, KooPhone.NotSent…).</summary>
        public string? ErrorCode { get; set; }

        public string? Message { get; set; }

        /// <summary>When it was sent (UTC); empty when it never was.</summary>
        public DateTime? SubmittedAt { get; set; }

        /// <summary>When its outcome was recorded (UTC).</summary>
        public DateTime At { get; set; }

        /// <summary>
        /// Set when this entry replaced the id's first one, with the run that learned it: the
        /// run's own -Wait (its own id), a Wait-KooPhoneTask fed from the run's entries, or a
        /// rerun with the same -JournalPath. Empty when the first entry still holds.
        /// </summary>
        public int? SettledBy { get; set; }

        /// <summary>A new entry saying the same of the same id: everything but the run, operation, time and SettledBy, which its new record sets.</summary>
        internal KooPhoneRunEntry OutcomeCopy() => new KooPhoneRunEntry
        {
            InstanceId = InstanceId, UserId = UserId, Outcome = Outcome, Status = Status, TaskId = TaskId, JobId = JobId, RequestId = RequestId,
            ErrorCode = ErrorCode, Message = Message, SubmittedAt = SubmittedAt,
        };

        public override string ToString() => InstanceId + " " + Outcome;
    }
}
