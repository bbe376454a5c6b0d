namespace KooPhone.Client.Models
{
    /// <summary>The run status of one cloud phone (running, stopped, starting…).</summary>
    public sealed class KooPhoneInstanceStatus
    {
        public string InstanceId { get; set; } = "";

        /// <summary>
        /// Per the SDK and the page intro (docs/api-reference.md §4.1). The newest page's table gives the same
        /// numbers other meanings (docs/api-reference.md §10, item 10); StatusCode keeps the number as sent.
        /// </summary>
        public InstanceRunStatus RunStatus { get; set; }

        public int StatusCode { get; set; }

        /// <summary>The x-request-id of the BatchShowInstance call that read this status.</summary>
        public string? RequestId { get; set; }

        /// <summary>The service's own request id for that call, when it answered with one other than RequestId.</summary>
        public string? ServiceRequestId { get; set; }

        public override string ToString() => InstanceId + " " + RunStatus;
    }
}
