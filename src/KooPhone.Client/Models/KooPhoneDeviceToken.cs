using System.Collections.Generic;
using System.Security;

namespace KooPhone.Client.Models
{
    /// <summary>
    /// What a streaming client needs to connect to an instance (ExecuteInstanceAuthToken). The
    /// device token is a secret, so it is a SecureString: pass it to the client with
    /// ConvertFrom-SecureString -AsPlainText only where it is needed.
    /// </summary>
    /// <remarks>The operation: docs/api-reference.md §5.11. Kept out of the summary, which the help shows to users.</remarks>
    public sealed class KooPhoneDeviceToken
    {
        /// <summary>The instance the token was asked for.</summary>
        public string InstanceId { get; set; } = "";

        public SecureString? DeviceToken { get; set; }
        public string? StreamingId { get; set; }
        public string? DeviceId { get; set; }

        /// <summary>resource.kp_id: the cloud phone's id as the service names it in the answer (e.g. whklpuo1).</summary>
        public string? KpId { get; set; }

        /// <summary>resource.app_ip_synchronize_list: "specified applications" (SDK 3.1.207+); the reference does not say what it holds, so it is kept as the text the service sent.</summary>
        public string? AppIpSynchronizeList { get; set; }

        public string? SignalingUrl { get; set; }

        /// <summary>How long streaming may last, in seconds (expired_time).</summary>
        public string? ExpiresInSeconds { get; set; }

        public IReadOnlyList<string> IceServers { get; set; } = new string[0];

        // The sdk addresses: the internal ones send aport and atype as strings, the external ones as
        // integers (docs/api-reference.md §10 item 22); both are kept as text, as sent.
        public string? InternalAddress { get; set; }
        public string? InternalAudioPort { get; set; }
        public string? InternalAudioType { get; set; }
        public string? InternalAddressIpv6 { get; set; }
        public string? ExternalAddress { get; set; }
        public string? ExternalAudioPort { get; set; }
        public string? ExternalAudioType { get; set; }
        public string? ExternalAddressIpv6 { get; set; }
        public string? ExternalAddressAdn { get; set; }
        public string? RequestId { get; set; }

        /// <summary>The request id the service answered with, when it is not RequestId (a gateway may answer with its own); null otherwise.</summary>
        public string? ServiceRequestId { get; set; }

        public override string ToString() => InstanceId + " " + SignalingUrl;
    }
}
