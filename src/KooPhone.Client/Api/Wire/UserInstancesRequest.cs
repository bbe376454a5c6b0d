using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>The body of ProvisionInstance and CancelInstance: user–instance pairs (docs/api-reference.md §5.16, 5.8).</summary>
    internal sealed class UserInstancesRequest
    {
        [JsonPropertyName("user_instances")] public IReadOnlyList<UserInstanceRequest> UserInstances { get; set; } = new UserInstanceRequest[0];
    }
}
