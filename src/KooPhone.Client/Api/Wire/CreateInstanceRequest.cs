using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>The body of CreateInstance, camelCase (docs/api-reference.md §5.9).</summary>
    internal sealed class CreateInstanceRequest
    {
        [JsonPropertyName("os")] public string Os { get; set; } = "";
        [JsonPropertyName("instanceSkuId")] public string InstanceSkuId { get; set; } = "";
        [JsonPropertyName("bandSkuId")] public string BandSkuId { get; set; } = "";
        [JsonPropertyName("regionId")] public string RegionId { get; set; } = "";
        [JsonPropertyName("instanceNamePrefix")] public string InstanceNamePrefix { get; set; } = "";
        [JsonPropertyName("bandSize")] public double BandSize { get; set; }
        [JsonPropertyName("count")] public int Count { get; set; }
        [JsonPropertyName("chargeParam")] public ChargeParamWire ChargeParam { get; set; } = new ChargeParamWire();
        [JsonPropertyName("network")] public string? Network { get; set; }
        [JsonPropertyName("nodeGroupId")] public string? NodeGroupId { get; set; }
    }
}
