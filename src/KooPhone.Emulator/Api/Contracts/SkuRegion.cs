using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>BatchShowSku's skuSpecResponseList[] item: one region's SKUs (docs/api-reference.md §5.7).</summary>
public sealed record SkuRegion(
    [property: JsonPropertyName("regionId")] string RegionId,
    [property: JsonPropertyName("skuResponses")] IReadOnlyList<SkuItem> SkuResponses);
