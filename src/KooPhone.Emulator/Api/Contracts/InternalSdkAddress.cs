using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>Device token's resource.sdk.internal (docs/api-reference.md §5.11): aport and atype are strings here (§10 item 22).</summary>
public sealed record InternalSdkAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("aport")] string AudioPort,
    [property: JsonPropertyName("atype")] string AudioType,
    [property: JsonPropertyName("address_ipv6")] string AddressIpv6);
