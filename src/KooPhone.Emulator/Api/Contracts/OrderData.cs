using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>CreateInstance's data (docs/api-reference.md §5.9): the order and, when paid at once, the new instances.</summary>
public sealed record OrderData(
    [property: JsonPropertyName("orderId")] string OrderId,
    [property: JsonPropertyName("instanceInfos")] IReadOnlyList<OrderedInstanceItem> InstanceInfos);
