using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>Device token's resource.rtc.ice_signaling (docs/api-reference.md §5.11); expired_time is a string of seconds.</summary>
public sealed record IceSignaling(
    [property: JsonPropertyName("signaling_url")] string SignalingUrl,
    [property: JsonPropertyName("expired_time")] string ExpiredTime,
    [property: JsonPropertyName("ice_servers")] IReadOnlyList<string> IceServers);
