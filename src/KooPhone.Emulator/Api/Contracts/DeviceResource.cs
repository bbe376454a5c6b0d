using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>Device token's resource (docs/api-reference.md §5.11): the fields of the reference's example, and app_ip_synchronize_list (SDK 3.1.207+) after kp_id.</summary>
public sealed record DeviceResource(
    [property: JsonPropertyName("device_id")] string DeviceId,
    [property: JsonPropertyName("kp_id")] string KpId,
    [property: JsonPropertyName("app_ip_synchronize_list")] string AppIpSynchronizeList,
    [property: JsonPropertyName("sdk")] SdkAddresses Sdk,
    [property: JsonPropertyName("rtc")] RtcInfo Rtc);
