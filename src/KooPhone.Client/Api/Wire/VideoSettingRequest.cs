using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>The body of SetVideo (docs/api-reference.md §5.17).</summary>
    internal sealed class VideoSettingRequest
    {
        [JsonPropertyName("instance_ids")] public IReadOnlyList<string> InstanceIds { get; set; } = new string[0];
        [JsonPropertyName("instance_settings")] public IReadOnlyList<InstanceSettingWire> InstanceSettings { get; set; } = new InstanceSettingWire[0];
    }
}
