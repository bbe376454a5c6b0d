using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class RtcRecord
    {
        [JsonPropertyName("ice_signaling")] public IceSignalingRecord? IceSignaling { get; set; }
    }
}
