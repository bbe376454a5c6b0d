using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    /// <summary>One entry of BatchShowInstance's status_results.</summary>
    public sealed class InstanceStatusResult
    {
        public InstanceStatusResult(string instanceId, InstanceRunStatus status)
        {
            InstanceId = instanceId;
            Status = status;
        }

        public string InstanceId { get; }

        public InstanceRunStatus Status { get; }
    }
}
