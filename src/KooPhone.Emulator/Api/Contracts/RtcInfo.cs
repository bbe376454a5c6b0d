using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>Device token's resource.rtc (docs/api-reference.md §5.11).</summary>
public sealed record RtcInfo([property: JsonPropertyName("ice_signaling")] IceSignaling IceSignaling);
