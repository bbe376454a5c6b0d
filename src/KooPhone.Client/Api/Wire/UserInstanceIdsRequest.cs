using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>The body of BatchPrepareInstances: one user and the instances to prepare for them (docs/api-reference.md §5.3).</summary>
    internal sealed class UserInstanceIdsRequest
    {
        [JsonPropertyName("user_id")] public string UserId { get; set; } = "";
        [JsonPropertyName("instance_ids")] public IReadOnlyList<string> InstanceIds { get; set; } = new string[0];
    }
}
