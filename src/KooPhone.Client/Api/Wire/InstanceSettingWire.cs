using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>One network × encoding combination of SetVideo.</summary>
    internal sealed class InstanceSettingWire
    {
        [JsonPropertyName("network_type")] public string NetworkType { get; set; } = "";
        [JsonPropertyName("encoding_type")] public string EncodingType { get; set; } = "";
        [JsonPropertyName("video_spec_groups")] public IReadOnlyList<VideoSpecGroupWire> VideoSpecGroups { get; set; } = new VideoSpecGroupWire[0];
    }
}
