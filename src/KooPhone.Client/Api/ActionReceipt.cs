using System;

namespace KooPhone.Client.Api
{
    /// <summary>The service accepted a call that answers with no data.</summary>
    public sealed class ActionReceipt
    {
        public ActionReceipt(string requestId, DateTime at)
        {
            RequestId = requestId;
            At = at;
        }

        public string RequestId { get; }

        public DateTime At { get; }
    }
}
