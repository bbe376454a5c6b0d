using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>An async call's data (§3.2): task_id plus one job per instance.</summary>
public sealed class TaskData
{
    /// <summary>Creates the data.</summary>
    public TaskData(string taskId, IReadOnlyList<CmdJob> cmdJobs)
    {
        TaskId = taskId;
        CmdJobs = cmdJobs;
    }

    /// <summary>task_id to poll with ExecuteJob.</summary>
    [JsonPropertyName("task_id")] public string TaskId { get; }

    /// <summary>Jobs in request order.</summary>
    [JsonPropertyName("cmd_jobs")] public IReadOnlyList<CmdJob> CmdJobs { get; }
}
