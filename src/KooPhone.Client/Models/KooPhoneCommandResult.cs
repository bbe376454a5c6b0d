namespace KooPhone.Client.Models
{
    /// <summary>One phone's answer to an ADB shell command: whether it succeeded, and its output.</summary>
    public sealed class KooPhoneCommandResult
    {
        public string InstanceId { get; set; } = "";

        public string Command { get; set; } = "";

        public KooPhoneJobStatus Status { get; set; }

        /// <summary>The command's output (execute_msg, at most 1024 bytes), on success and on failure.</summary>
        public string? Output { get; set; }

        public string? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }

        public string? RequestId { get; set; }

        /// <summary>The request id the service answered with, when it is not RequestId (a gateway may answer with its own); null otherwise.</summary>
        public string? ServiceRequestId { get; set; }

        public override string ToString() => InstanceId + " " + Status;
    }
}
