namespace KooPhone.Emulator.State;

/// <summary>Which operation created a task; ExecuteJob's answer can depend on it (--backup-task-query).</summary>
public enum TaskKind
{
    /// <summary>Created by BatchBackupInstances.</summary>
    Backup = 1,
}
