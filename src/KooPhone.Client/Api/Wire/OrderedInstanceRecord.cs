using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class OrderedInstanceRecord
    {
        [JsonPropertyName("instanceId")] public string? InstanceId { get; set; }
        [JsonPropertyName("instanceName")] public string? InstanceName { get; set; }
    }
}
