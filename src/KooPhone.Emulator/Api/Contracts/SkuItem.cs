using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>BatchShowSku's skuResponses[] item (docs/api-reference.md §5.7), camelCase as in the SDK.</summary>
public sealed record SkuItem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("cbcSkuId")] string CbcSkuId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("calcSpec")] string CalcSpec,
    [property: JsonPropertyName("storageSpec")] string StorageSpec,
    [property: JsonPropertyName("specDesc")] string SpecDesc,
    [property: JsonPropertyName("bandSize")] string BandSize,
    [property: JsonPropertyName("chargeMode")] int ChargeMode,
    [property: JsonPropertyName("maxResolution")] string MaxResolution,
    [property: JsonPropertyName("resourceSize")] string ResourceSize,
    [property: JsonPropertyName("poolInfo")] PoolInfo PoolInfo);
