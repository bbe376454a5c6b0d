using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class ChargeParamWire
    {
        [JsonPropertyName("chargingMode")] public int ChargingMode { get; set; } = 1;
        [JsonPropertyName("periodType")] public int PeriodType { get; set; }
        [JsonPropertyName("periodNum")] public int PeriodNum { get; set; }
        [JsonPropertyName("isAutoPay")] public int IsAutoPay { get; set; }
        [JsonPropertyName("isAutoRenew")] public int IsAutoRenew { get; set; }
    }
}
