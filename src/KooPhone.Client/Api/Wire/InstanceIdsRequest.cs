using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>The body of every batch operation keyed by instance_ids (backup, reset, reboot, status…).</summary>
    internal sealed class InstanceIdsRequest
    {
        public InstanceIdsRequest(IReadOnlyList<string> instanceIds)
        {
            InstanceIds = instanceIds;
        }

        [JsonPropertyName("instance_ids")]
        public IReadOnlyList<string> InstanceIds { get; }
    }
}
