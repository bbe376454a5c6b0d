using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Admin;

/// <summary>One entry of GET /_emulator/actions: how often an operation was carried out on an instance.</summary>
public sealed record ActionCount(
    [property: JsonPropertyName("operation")] string Operation,
    [property: JsonPropertyName("instance_id")] string? InstanceId,
    [property: JsonPropertyName("count")] long Count);
