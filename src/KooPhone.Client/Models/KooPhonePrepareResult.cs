namespace KooPhone.Client.Models
{
    /// <summary>A cloud phone being prepared for a user's streaming session, and how far that has come.</summary>
    public sealed class KooPhonePrepareResult
    {
        public string InstanceId { get; set; } = "";

        public string UserId { get; set; } = "";

        /// <summary>The lifecycle status the prepare call reported.</summary>
        public InstanceLifecycleStatus Status { get; set; }

        /// <summary>With -Wait (or from Get-KooPhonePrepareProgress): the preparation's progress; Ready means streaming may start.</summary>
        public PrepareProgressStatus? Progress { get; set; }

        /// <summary>ShowProgress' waitingCount, whose unit the reference leaves open [UNCONFIRMED].</summary>
        public int? WaitingCount { get; set; }

        public string? RequestId { get; set; }

        /// <summary>The request id the service answered with, when it is not RequestId (a gateway may answer with its own); null otherwise.</summary>
        public string? ServiceRequestId { get; set; }

        public override string ToString() => InstanceId + " " + (Progress?.ToString() ?? Status.ToString());
    }
}
