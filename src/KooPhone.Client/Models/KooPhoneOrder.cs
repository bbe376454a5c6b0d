using System.Collections.Generic;

namespace KooPhone.Client.Models
{
    /// <summary>An order for new cloud phones, with the ids of the phones it created. Unless auto-paid, pay it in the console.</summary>
    public sealed class KooPhoneOrder
    {
        public string? OrderId { get; set; }

        /// <summary>Id and name of each ordered instance, as far as the service reports them.</summary>
        public IReadOnlyList<KooPhoneInstance> Instances { get; set; } = new KooPhoneInstance[0];

        public string? RequestId { get; set; }

        /// <summary>The request id the service answered with, when it is not RequestId (a gateway may answer with its own); null otherwise.</summary>
        public string? ServiceRequestId { get; set; }

        public override string ToString() => OrderId ?? "";
    }
}
