using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>aport and atype are strings inside and numbers outside (docs/api-reference.md §10, item 22): read both as text.</summary>
    internal sealed class StreamAddressRecord
    {
        [JsonPropertyName("address")] public string? Address { get; set; }
        [JsonPropertyName("aport")][JsonConverter(typeof(LenientStringConverter))] public string? AudioPort { get; set; }
        [JsonPropertyName("atype")][JsonConverter(typeof(LenientStringConverter))] public string? AudioType { get; set; }
        [JsonPropertyName("address_ipv6")] public string? AddressIpv6 { get; set; }
        [JsonPropertyName("address_adn")] public string? AddressAdn { get; set; }
    }
}
