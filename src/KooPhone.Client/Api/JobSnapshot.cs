using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    /// <summary>One job as the task query reports it.</summary>
    internal sealed class JobSnapshot
    {
        public JobSnapshot(string jobId, KooPhoneJobStatus status, string? errorCode, string? errorMessage, string? output)
        {
            JobId = jobId;
            Status = status;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            Output = output;
        }

        public string JobId { get; }

        public KooPhoneJobStatus Status { get; }

        public string? ErrorCode { get; }

        public string? ErrorMessage { get; }

        public string? Output { get; }
    }
}
