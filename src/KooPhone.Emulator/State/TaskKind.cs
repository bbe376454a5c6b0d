namespace KooPhone.Emulator.State;

/// <summary>Which operation created a task: it shapes the task ID, the job statuses and whether ExecuteJob answers (--task-query-unsupported).</summary>
public enum TaskKind
{
    /// <summary>Created by BatchBackupInstances.</summary>
    Backup = 1,

    /// <summary>Created by BatchResetInstance.</summary>
    Reset,

    /// <summary>Created by CancelInstance.</summary>
    Unassign,

    /// <summary>Created by AsyncInvokeInstance.</summary>
    Command,

    /// <summary>Created by InstallApp.</summary>
    Install,
}
