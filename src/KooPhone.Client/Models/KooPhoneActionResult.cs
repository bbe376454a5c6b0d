using System;

namespace KooPhone.Client.Models
{
    /// <summary>
    /// One instance's share of a call that answers only "accepted" (reboot, delete, video
    /// settings, assignment, session release, streaming stop): which call carried it, and when.
    /// </summary>
    public sealed class KooPhoneActionResult
    {
        public string InstanceId { get; set; } = "";

        /// <summary>The API operation that carried it, e.g. BatchRebootInstance.</summary>
        public string Operation { get; set; } = "";

        /// <summary>Set for assignments only.</summary>
        public string? UserId { get; set; }

        /// <summary>Always Accepted: failures are error records, not results.</summary>
        public string Status { get; set; } = "Accepted";

        public string? RequestId { get; set; }

        /// <summary>The request id the service answered with, when it is not RequestId (a gateway may answer with its own); null otherwise.</summary>
        public string? ServiceRequestId { get; set; }

        public DateTime At { get; set; }

        /// <summary>Set when the answer was lost and the instance's state showed the call was carried out: what it showed.</summary>
        public string? Evidence { get; set; }

        public override string ToString() => InstanceId + " " + Operation + " " + Status;
    }
}
