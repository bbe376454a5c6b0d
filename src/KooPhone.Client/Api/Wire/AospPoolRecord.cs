using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class AospPoolRecord
    {
        [JsonPropertyName("version")] public string? Version { get; set; }
        [JsonPropertyName("resPoolId")] public string? ResPoolId { get; set; }
        [JsonPropertyName("id")] public long? Id { get; set; }
        [JsonPropertyName("network")] public string? Network { get; set; }
        [JsonPropertyName("enable")] public bool? Enable { get; set; }
    }
}
