using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>Device token's resource.sdk (docs/api-reference.md §5.11).</summary>
public sealed record SdkAddresses(
    [property: JsonPropertyName("internal")] InternalSdkAddress Internal,
    [property: JsonPropertyName("external")] ExternalSdkAddress External);
