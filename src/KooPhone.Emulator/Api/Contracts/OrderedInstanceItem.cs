using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>CreateInstance's data.instanceInfos[] item (docs/api-reference.md §5.9).</summary>
public sealed record OrderedInstanceItem(
    [property: JsonPropertyName("instanceId")] string InstanceId,
    [property: JsonPropertyName("instanceName")] string InstanceName);
