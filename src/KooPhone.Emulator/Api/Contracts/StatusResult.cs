using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>BatchShowInstance's data.status_results[] item (docs/api-reference.md §3.6).</summary>
public sealed class StatusResult
{
    public StatusResult(string instanceId, int status)
    {
        InstanceId = instanceId;
        Status = status;
    }

    /// <summary>instance_id.</summary>
    [JsonPropertyName("instance_id")] public string InstanceId { get; }

    /// <summary>The instance's running_status (docs/api-reference.md §4.1).</summary>
    [JsonPropertyName("status")] public int Status { get; }
}
