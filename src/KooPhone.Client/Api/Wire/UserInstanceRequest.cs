using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>The body of ShowProgress: one user and one instance (docs/api-reference.md §5.18).</summary>
    internal sealed class UserInstanceRequest
    {
        [JsonPropertyName("user_id")] public string UserId { get; set; } = "";
        [JsonPropertyName("instance_id")] public string InstanceId { get; set; } = "";
    }
}
