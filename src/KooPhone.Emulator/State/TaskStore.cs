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

    /// <summary>
    /// Registers a task with one job per instance. All jobs start at once, run from
    /// <paramref name="runsAt"/> and end at <paramref name="completesAt"/>, each with its own outcome.
    /// </summary>
    public EmulatorTask Create(
        TaskKind kind, IReadOnlyList<string> instanceIds, IReadOnlyList<JobOutcome> outcomes,
        DateTimeOffset runsAt, DateTimeOffset completesAt)
    {
        var jobs = new EmulatorJob[instanceIds.Count];
        for (int i = 0; i < jobs.Length; i++)
        {
            jobs[i] = new EmulatorJob(TaskIds.NewJobId(), instanceIds[i], runsAt, completesAt, outcomes[i]);
        }

        var task = new EmulatorTask(TaskIds.NewTaskId(kind), kind, jobs);
        tasks[task.TaskId] = task;
        return task;
    }

    /// <summary>Registers a task whose jobs run from <paramref name="runsAt"/> and all succeed at <paramref name="completesAt"/>.</summary>
    public EmulatorTask CreateSucceeding(TaskKind kind, IReadOnlyList<string> instanceIds, DateTimeOffset runsAt, DateTimeOffset completesAt)
    {
        var outcomes = new JobOutcome[instanceIds.Count];
        Array.Fill(outcomes, JobOutcome.Succeeded);
        return Create(kind, instanceIds, outcomes, runsAt, completesAt);
    }

    /// <summary>Looks a task up by its exact ID.</summary>
    public bool TryGet(string taskId, out EmulatorTask? task) => tasks.TryGetValue(taskId, out task);

    /// <summary>Forgets every task.</summary>
    public void Clear() => tasks.Clear();
}
