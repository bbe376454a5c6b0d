using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>data of BatchShowSku (docs/api-reference.md §5.7).</summary>
    internal sealed class SkuData
    {
        [JsonPropertyName("bandInfo")] public BandInfoRecord? BandInfo { get; set; }
        [JsonPropertyName("skuSpecResponseList")] public List<SkuRegionRecord>? SkuSpecResponseList { get; set; }
    }
}
