using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>BatchPrepareInstances' data.status_list[] item (docs/api-reference.md §3.5).</summary>
public sealed record PrepareStatus(
    [property: JsonPropertyName("instance_id")] string InstanceId,
    [property: JsonPropertyName("status")] int Status);
