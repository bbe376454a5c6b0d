using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>data of CreateInstance.</summary>
    internal sealed class OrderData
    {
        [JsonPropertyName("orderId")] public string? OrderId { get; set; }
        [JsonPropertyName("instanceInfos")] public List<OrderedInstanceRecord>? InstanceInfos { get; set; }
    }
}
