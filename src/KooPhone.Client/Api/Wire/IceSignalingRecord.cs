using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class IceSignalingRecord
    {
        [JsonPropertyName("signaling_url")] public string? SignalingUrl { get; set; }
        [JsonPropertyName("expired_time")][JsonConverter(typeof(LenientStringConverter))] public string? ExpiredTime { get; set; }
        [JsonPropertyName("ice_servers")] public List<string>? IceServers { get; set; }
    }
}
