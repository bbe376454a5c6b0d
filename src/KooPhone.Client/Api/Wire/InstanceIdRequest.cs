using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>The body of the single-instance session and streaming calls (docs/api-reference.md §5.19, 5.20).</summary>
    internal sealed class InstanceIdRequest
    {
        [JsonPropertyName("instance_id")] public string InstanceId { get; set; } = "";
    }
}
