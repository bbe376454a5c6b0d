using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class SdkAddressesRecord
    {
        [JsonPropertyName("internal")] public StreamAddressRecord? Internal { get; set; }
        [JsonPropertyName("external")] public StreamAddressRecord? External { get; set; }
    }
}
