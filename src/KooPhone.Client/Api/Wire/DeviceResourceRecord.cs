using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class DeviceResourceRecord
    {
        [JsonPropertyName("device_id")] public string? DeviceId { get; set; }
        [JsonPropertyName("kp_id")] public string? KpId { get; set; }
        [JsonPropertyName("app_ip_synchronize_list")] public string? AppIpSynchronizeList { get; set; }
        [JsonPropertyName("sdk")] public SdkAddressesRecord? Sdk { get; set; }
        [JsonPropertyName("rtc")] public RtcRecord? Rtc { get; set; }
    }
}
