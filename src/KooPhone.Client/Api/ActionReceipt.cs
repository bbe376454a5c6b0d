using System;

namespace KooPhone.Client.Api
{
    /// <summary>The service accepted a call that answers with no data.</summary>
    public sealed class ActionReceipt
    {
        internal ActionReceipt(KooPhoneOperation operation, string requestId, DateTime at, string? serviceRequestId)
        {
            ServiceRequestId = serviceRequestId;
            Operation = operation;
            RequestId = requestId;
            At = at;
        }

        /// <summary>The operation the service accepted, so results name it as the API does.</summary>
        internal KooPhoneOperation Operation { get; }

        public string RequestId { get; }

        /// <summary>The service's own request id, when it answered with one other than RequestId.</summary>
        public string? ServiceRequestId { get; }

        public DateTime At { get; }
    }
}
