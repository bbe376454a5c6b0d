using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.State;

/// <summary>One instance_settings entry: the specs for one network type and codec (SetVideo, docs/api-reference.md §5.17).</summary>
public sealed record VideoSetting(
    [property: JsonPropertyName("network_type")] string NetworkType,
    [property: JsonPropertyName("encoding_type")] string EncodingType,
    [property: JsonPropertyName("video_spec_groups")] IReadOnlyList<VideoSpecGroup> VideoSpecGroups);
