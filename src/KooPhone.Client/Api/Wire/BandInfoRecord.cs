using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class BandInfoRecord
    {
        [JsonPropertyName("cbcSkuId")] public string? CbcSkuId { get; set; }
    }
}
