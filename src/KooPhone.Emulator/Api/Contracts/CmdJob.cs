using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>An async call's data.cmd_jobs[] item (docs/api-reference.md §3.1).</summary>
public sealed class CmdJob
{
    public CmdJob(string instanceId, string jobId)
    {
        InstanceId = instanceId;
        JobId = jobId;
    }

    /// <summary>instance_id.</summary>
    [JsonPropertyName("instance_id")] public string InstanceId { get; }

    /// <summary>job_id, as ExecuteJob reports it.</summary>
    [JsonPropertyName("job_id")] public string JobId { get; }
}
