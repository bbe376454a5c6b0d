using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>Device token's resource.sdk.external (docs/api-reference.md §5.11): aport and atype are integers here (§10 item 22).</summary>
public sealed record ExternalSdkAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("aport")] int AudioPort,
    [property: JsonPropertyName("atype")] int AudioType,
    [property: JsonPropertyName("address_ipv6")] string AddressIpv6,
    [property: JsonPropertyName("address_adn")] string AddressAdn);
