using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>An async task (task_id plus its jobs in request order). Immutable.</summary>
public sealed class EmulatorTask
{
    /// <summary>Creates a task.</summary>
    public EmulatorTask(string taskId, TaskKind kind, IReadOnlyList<EmulatorJob> jobs)
    {
        TaskId = taskId;
        Kind = kind;
        Jobs = jobs;
    }

    /// <summary>task_id, shaped by the kind (see <see cref="TaskIds"/>).</summary>
    public string TaskId { get; }

    /// <summary>The operation that created the task.</summary>
    public TaskKind Kind { get; }

    /// <summary>One job per instance, in request order.</summary>
    public IReadOnlyList<EmulatorJob> Jobs { get; }
}
