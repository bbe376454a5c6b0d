using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class VideoSpecWire
    {
        [JsonPropertyName("code_rate")] public int CodeRate { get; set; }
        [JsonPropertyName("fps")] public int Fps { get; set; }
    }
}
