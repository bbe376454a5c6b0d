using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>BatchShowSku's data (docs/api-reference.md §5.7).</summary>
public sealed record SkuData(
    [property: JsonPropertyName("bandInfo")] BandInfo BandInfo,
    [property: JsonPropertyName("skuSpecResponseList")] IReadOnlyList<SkuRegion> SkuSpecResponseList);
