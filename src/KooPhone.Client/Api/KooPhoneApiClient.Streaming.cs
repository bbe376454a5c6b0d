using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api.Wire;
using KooPhone.Client.Auth;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    internal sealed partial class KooPhoneApiClient
    {
        /// <summary>ExecuteInstanceAuthToken: the device token and addresses a streaming client needs.</summary>
        internal async Task<KooPhoneDeviceToken> GetDeviceTokenAsync(string instanceId, int? streamType, CancellationToken cancellationToken)
        {
            var path = WithQuery(KooPhoneOperation.ExecuteInstanceAuthToken.RelativePath(instanceId), ("stream_type", Number(streamType)));
            var answer = await ReadAsync<DeviceTokenData>(KooPhoneOperation.ExecuteInstanceAuthToken, path, null, cancellationToken).ConfigureAwait(false);
            var data = answer.Data;
            var resource = data.Resource;
            return new KooPhoneDeviceToken
            {
                InstanceId = instanceId,
                DeviceToken = string.IsNullOrEmpty(data.DeviceToken) ? null : SecretText.Protect(data.DeviceToken!),
                StreamingId = data.StreamingId,
                DeviceId = resource?.DeviceId,
                KpId = resource?.KpId,
                AppIpSynchronizeList = resource?.AppIpSynchronizeList,
                SignalingUrl = resource?.Rtc?.IceSignaling?.SignalingUrl,
                ExpiresInSeconds = resource?.Rtc?.IceSignaling?.ExpiredTime,
                IceServers = resource?.Rtc?.IceSignaling?.IceServers ?? new List<string>(),
                InternalAddress = resource?.Sdk?.Internal?.Address,
                InternalAudioPort = resource?.Sdk?.Internal?.AudioPort,
                InternalAudioType = resource?.Sdk?.Internal?.AudioType,
                InternalAddressIpv6 = resource?.Sdk?.Internal?.AddressIpv6,
                ExternalAddress = resource?.Sdk?.External?.Address,
                ExternalAudioPort = resource?.Sdk?.External?.AudioPort,
                ExternalAudioType = resource?.Sdk?.External?.AudioType,
                ExternalAddressIpv6 = resource?.Sdk?.External?.AddressIpv6,
                ExternalAddressAdn = resource?.Sdk?.External?.AddressAdn,
                RequestId = answer.RequestId,
                ServiceRequestId = answer.ServiceRequestId,
            };
        }

        /// <summary>StopInstancesSession: releases the session that lingers after streaming.</summary>
        internal Task<ActionReceipt> ReleaseSessionAsync(string instanceId, CancellationToken cancellationToken) =>
            SendActionAsync(KooPhoneOperation.StopInstancesSession, new InstanceIdRequest { InstanceId = instanceId }, cancellationToken);

        /// <summary>StopInstancesStreaming: stops an active stream; no effect when none runs.</summary>
        internal Task<ActionReceipt> StopStreamingAsync(string instanceId, CancellationToken cancellationToken) =>
            SendActionAsync(KooPhoneOperation.StopInstancesStreaming, new InstanceIdRequest { InstanceId = instanceId }, cancellationToken);
    }
}
