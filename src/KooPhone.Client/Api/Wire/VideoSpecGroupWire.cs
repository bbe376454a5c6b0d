using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>The bit and frame rates of the three definitions.</summary>
    internal sealed class VideoSpecGroupWire
    {
        [JsonPropertyName("definition_540P")] public VideoSpecWire Definition540P { get; set; } = new VideoSpecWire();
        [JsonPropertyName("definition_720P")] public VideoSpecWire Definition720P { get; set; } = new VideoSpecWire();
        [JsonPropertyName("definition_1080P")] public VideoSpecWire Definition1080P { get; set; } = new VideoSpecWire();
    }
}
