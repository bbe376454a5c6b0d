using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>data of ExecuteInstanceAuthToken (docs/api-reference.md §5.11).</summary>
    internal sealed class DeviceTokenData
    {
        [JsonPropertyName("device_token")] public string? DeviceToken { get; set; }
        [JsonPropertyName("streamingId")] public string? StreamingId { get; set; }
        [JsonPropertyName("resource")] public DeviceResourceRecord? Resource { get; set; }
    }
}
