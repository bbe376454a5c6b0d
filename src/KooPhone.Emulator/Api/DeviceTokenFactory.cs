using System;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using KooPhone.Emulator.Api.Contracts;
using KooPhone.Emulator.State;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Builds ExecuteInstanceAuthToken's data (docs/api-reference.md §5.11) in the shape of the reference's example. The
/// token, streaming ID and device ID are fresh random values on every call; the addresses are
/// stable per instance and come from documentation ranges (192.168/16, 203.0.113/24, 2001:db8::/32), and every
/// host is under the reserved .invalid domain, so no client can reach anything real with them.
/// </summary>
public static class DeviceTokenFactory
{
    /// <summary>How long the signalling session lasts, in seconds (a string on the wire).</summary>
    public const string ExpiredTime = "3600";

    private const int AudioPort = 9000;
    private const int AudioType = 1;

    /// <summary>
    /// What resource.app_ip_synchronize_list holds. The reference gives only "specified
    /// applications" [UNCONFIRMED]; the emulator sends a fixed package list, so a client can be
    /// seen to keep the text as sent.
    /// </summary>
    public const string AppIpSynchronizeList = "com.android.settings,com.android.camera2";

    /// <summary>The data for <paramref name="target"/>; <paramref name="streamType"/> 2 is H5 streaming, otherwise SDK streaming.</summary>
    public static DeviceTokenData Create(StreamTarget target, int? streamType)
    {
        string token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(48));
        string streamingId = Guid.NewGuid().ToString("N");
        string deviceId = Guid.NewGuid().ToString("N");
        string region = target.Region.Id;
        int slot = target.Index % 250;
        string port = AudioPort.ToString(CultureInfo.InvariantCulture);
        string client = streamType == 2 ? "h5" : "sdk";

        // IPv6 addresses from the documentation prefix 2001:db8::/32: a for internal, b for external.
        var sdk = new SdkAddresses(
            new InternalSdkAddress(
                string.Create(CultureInfo.InvariantCulture, $"192.168.{target.Index / 250 % 250}.{slot + 2}"),
                port, AudioType.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"2001:db8:a::{slot + 2:x}")),
            new ExternalSdkAddress(
                string.Create(CultureInfo.InvariantCulture, $"203.0.113.{slot + 2}"), AudioPort, AudioType,
                string.Create(CultureInfo.InvariantCulture, $"2001:db8:b::{slot + 2:x}"), string.Empty));
        var rtc = new RtcInfo(new IceSignaling(
            $"wss://signaling.{region}.koophone.invalid/v1/{client}/{streamingId}",
            ExpiredTime,
            new[] { $"stun:stun.{region}.koophone.invalid:3478", $"turn:turn.{region}.koophone.invalid:3478?transport=udp" }));
        return new DeviceTokenData(token, streamingId, new DeviceResource(deviceId, target.InstanceId, AppIpSynchronizeList, sdk, rtc));
    }
}
