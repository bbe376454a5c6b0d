using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class SkuRegionRecord
    {
        [JsonPropertyName("regionId")] public string? RegionId { get; set; }
        [JsonPropertyName("skuResponses")] public List<SkuRecord>? SkuResponses { get; set; }
    }
}
