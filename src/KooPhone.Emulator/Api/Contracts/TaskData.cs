using System.Collections.Generic;
using System.Text.Json.Serialization;
using KooPhone.Emulator.State;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>An async call's data (docs/api-reference.md §3.2): task_id plus one job per instance.</summary>
public sealed class TaskData
{
    public TaskData(string taskId, IReadOnlyList<CmdJob> cmdJobs)
    {
        TaskId = taskId;
        CmdJobs = cmdJobs;
    }

    /// <summary>The data of <paramref name="task"/>: its ID and one cmd_jobs entry per job.</summary>
    public static TaskData From(EmulatorTask task)
    {
        var jobs = new CmdJob[task.Jobs.Count];
        for (int i = 0; i < jobs.Length; i++)
        {
            jobs[i] = new CmdJob(task.Jobs[i].InstanceId, task.Jobs[i].JobId);
        }

        return new TaskData(task.TaskId, jobs);
    }

    /// <summary>task_id to poll with ExecuteJob.</summary>
    [JsonPropertyName("task_id")] public string TaskId { get; }

    /// <summary>Jobs in request order.</summary>
    [JsonPropertyName("cmd_jobs")] public IReadOnlyList<CmdJob> CmdJobs { get; }
}
