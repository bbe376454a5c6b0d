using System;

namespace KooPhone.Emulator.State;

/// <summary>Task and job IDs in the shapes the reference shows (docs/api-reference.md §2.6 item 4).</summary>
public static class TaskIds
{
    /// <summary>A new task ID for <paramref name="kind"/>.</summary>
    public static string NewTaskId(TaskKind kind) => kind switch
    {
        // The reset example's ID is RM_ plus 32 hex characters.
        TaskKind.Reset => "RM_" + Hex32(),

        // Install task IDs start with ZGCA; 28 more hex characters keep them 32 long like the others.
        TaskKind.Install => "ZGCA" + Hex32().Substring(0, 28),

        // Command tasks are 32 hex characters; backup and unassign IDs are unseen and take the same shape.
        _ => Hex32(),
    };

    /// <summary>A new job ID: 32 lower-case hex characters, as in the reference's examples.</summary>
    public static string NewJobId() => Hex32();

    private static string Hex32() => Guid.NewGuid().ToString("N");
}
