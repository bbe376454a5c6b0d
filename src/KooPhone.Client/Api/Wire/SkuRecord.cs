using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class SkuRecord
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("cbcSkuId")] public string? CbcSkuId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("calcSpec")] public string? CalcSpec { get; set; }
        [JsonPropertyName("storageSpec")] public string? StorageSpec { get; set; }
        [JsonPropertyName("specDesc")] public string? SpecDesc { get; set; }
        [JsonPropertyName("bandSize")] public string? BandSize { get; set; }
        [JsonPropertyName("chargeMode")] public int? ChargeMode { get; set; }
        [JsonPropertyName("maxResolution")] public string? MaxResolution { get; set; }
        [JsonPropertyName("resourceSize")] public string? ResourceSize { get; set; }
        [JsonPropertyName("poolInfo")] public PoolInfoRecord? PoolInfo { get; set; }
    }
}
