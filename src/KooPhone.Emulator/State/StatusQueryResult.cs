using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>BatchShowInstance's answer from the store: either unknown IDs or one status per requested ID.</summary>
public sealed class StatusQueryResult
{
    /// <summary>Creates a result.</summary>
    public StatusQueryResult(IReadOnlyList<string> unknownIds, IReadOnlyList<int> runningStatuses)
    {
        UnknownIds = unknownIds;
        RunningStatuses = runningStatuses;
    }

    /// <summary>Requested IDs that do not exist, in request order; non-empty rejects the request.</summary>
    public IReadOnlyList<string> UnknownIds { get; }

    /// <summary>running_status of each requested ID, in request order (empty when rejected).</summary>
    public IReadOnlyList<int> RunningStatuses { get; }
}
