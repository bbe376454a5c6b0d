using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>Outcome of <see cref="InstanceStore.TryStartBackup"/>.</summary>
public sealed class BackupStartResult
{
    private BackupStartResult(BackupRejection rejection, IReadOnlyList<string> offendingIds, DateTimeOffset completesAt)
    {
        Rejection = rejection;
        OffendingIds = offendingIds;
        CompletesAt = completesAt;
    }

    /// <summary>None when the backup started.</summary>
    public BackupRejection Rejection { get; }

    /// <summary>The IDs that caused the rejection, in request order.</summary>
    public IReadOnlyList<string> OffendingIds { get; }

    /// <summary>When every instance of the started backup will have finished.</summary>
    public DateTimeOffset CompletesAt { get; }

    /// <summary>The backup started and finishes at <paramref name="completesAt"/>.</summary>
    public static BackupStartResult Started(DateTimeOffset completesAt) =>
        new(BackupRejection.None, Array.Empty<string>(), completesAt);

    /// <summary>The whole request was rejected; no state changed.</summary>
    public static BackupStartResult Rejected(BackupRejection rejection, IReadOnlyList<string> offendingIds) =>
        new(rejection, offendingIds, default);
}
