using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// Thread-safe registry of tasks by task_id. Tasks are immutable and kept until reset: a test run
/// creates at most a few thousand, and ExecuteJob must be able to answer for any of them.
/// </summary>
public sealed class TaskStore
{
    private readonly ConcurrentDictionary<string, EmulatorTask> tasks = new(StringComparer.Ordinal);

    /// <summary>Registers a task with one job per instance, all finishing at <paramref name="completesAt"/>.</summary>
    public EmulatorTask Create(TaskKind kind, IReadOnlyList<string> instanceIds, DateTimeOffset completesAt)
    {
        var jobs = new EmulatorJob[instanceIds.Count];
        for (int i = 0; i < jobs.Length; i++)
        {
            jobs[i] = new EmulatorJob(NewId(), instanceIds[i], completesAt);
        }

        var task = new EmulatorTask(NewId(), kind, jobs);
        tasks[task.TaskId] = task;
        return task;
    }

    /// <summary>Looks a task up by its exact ID.</summary>
    public bool TryGet(string taskId, out EmulatorTask? task) => tasks.TryGetValue(taskId, out task);

    /// <summary>Forgets every task.</summary>
    public void Clear() => tasks.Clear();

    // 32 lower-case hex characters, the shape of real command task and job IDs (§2.6 item 4).
    private static string NewId() => Guid.NewGuid().ToString("N");
}
