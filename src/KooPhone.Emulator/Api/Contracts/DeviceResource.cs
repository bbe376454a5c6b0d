using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>Device token's resource (docs/api-reference.md §5.11), in the fields and order of the reference's example.</summary>
public sealed record DeviceResource(
    [property: JsonPropertyName("device_id")] string DeviceId,
    [property: JsonPropertyName("kp_id")] string KpId,
    [property: JsonPropertyName("sdk")] SdkAddresses Sdk,
    [property: JsonPropertyName("rtc")] RtcInfo Rtc);
