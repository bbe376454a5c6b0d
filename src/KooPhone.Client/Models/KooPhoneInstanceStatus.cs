namespace KooPhone.Client.Models
{
    /// <summary>The run status of one cloud phone (running, stopped, starting…).</summary>
    public sealed class KooPhoneInstanceStatus
    {
        public string InstanceId { get; set; } = "";

        /// <summary>
        /// Per the SDK and the page intro (reference 4.1). The newest page's table gives the same
        /// numbers other meanings (reference 10, item 10); StatusCode keeps the number as sent.
        /// </summary>
        public InstanceRunStatus RunStatus { get; set; }

        public int StatusCode { get; set; }

        public string? RequestId { get; set; }

        public override string ToString() => InstanceId + " " + RunStatus;
    }
}
