using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>ExecuteInstanceAuthToken's data (docs/api-reference.md §5.11). The token is a secret: it is never logged or stored.</summary>
public sealed record DeviceTokenData(
    [property: JsonPropertyName("device_token")] string DeviceToken,
    [property: JsonPropertyName("streamingId")] string StreamingId,
    [property: JsonPropertyName("resource")] DeviceResource Resource);
