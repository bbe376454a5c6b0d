using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// The state only some instances ever have: transitions of the newer operations in flight,
/// stored settings and apps, and what CreateInstance fixed. Kept out of <see cref="StoredInstance"/>
/// and allocated on first use, so the millions of untouched seeded instances stay small.
/// Not thread-safe by itself: only touched under the <see cref="InstanceStore"/> lock.
/// </summary>
public sealed class InstanceExtras
{
    /// <summary>When a reboot or reset finishes (running_status 4 → 2), in Unix ms; 0 when none runs.</summary>
    public long StartingCompletesAtMs { get; set; }

    /// <summary>Which operation the running start belongs to.</summary>
    public StartReason StartReason { get; set; }

    /// <summary>When a restore started by BatchPrepareInstances finishes, in Unix ms; 0 when none runs.</summary>
    public long RestoreCompletesAtMs { get; set; }

    /// <summary>When an unassignment finishes (assign_status → 0), in Unix ms; 0 when none runs.</summary>
    public long UnassignCompletesAtMs { get; set; }

    /// <summary>The user of the last BatchPrepareInstances that named the instance, or null.</summary>
    public string? PreparedForUser { get; set; }

    /// <summary>Unix ms of the last StopInstancesSession, or 0.</summary>
    public long LastSessionReleaseMs { get; set; }

    /// <summary>Unix ms of the last StopInstancesStreaming, or 0.</summary>
    public long LastStreamingStopMs { get; set; }

    /// <summary>The settings of the last SetVideo (immutable, shared by its whole batch), or null.</summary>
    public IReadOnlyList<VideoSetting>? VideoSettings { get; set; }

    /// <summary>The app list once an install changed it; null means the seeded list.</summary>
    public List<AppEntry>? Apps { get; set; }

    /// <summary>Installs whose jobs have not succeeded yet, oldest first; null when none.</summary>
    public List<PendingInstall>? PendingInstalls { get; set; }

    /// <summary>Changes reads do not show yet (--visibility-lag-ms), or null when they show everything.</summary>
    public VisibilityHistory? Visibility { get; set; }

    /// <summary>For a deleted instance ListInstances still shows (--delete-lag-ms): until when, in Unix ms.</summary>
    public long ListedUntilMs { get; set; }

    /// <summary>Set for instances made by CreateInstance; null for seeded ones.</summary>
    public CreatedInstance? Created { get; init; }
}
