using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class ChargeParamWire
    {
        [JsonPropertyName("chargingMode")] public int ChargingMode { get; set; } = 1;
        [JsonPropertyName("periodType")] public int PeriodType { get; set; }
        [JsonPropertyName("periodNum")] public int PeriodNum { get; set; }
        // Optional (docs/api-reference.md §5.9): null is left out of the body (KooPhoneJson writes no nulls).
        [JsonPropertyName("isAutoPay")] public int? IsAutoPay { get; set; }
        [JsonPropertyName("isAutoRenew")] public int? IsAutoRenew { get; set; }
    }
}
