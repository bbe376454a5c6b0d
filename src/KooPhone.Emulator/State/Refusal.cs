using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>A refused request: the reason and the IDs that caused it, in request order. No state changed.</summary>
public sealed class Refusal
{
    /// <summary>Creates a refusal.</summary>
    public Refusal(Rejection reason, IReadOnlyList<string> offendingIds)
    {
        Reason = reason;
        OffendingIds = offendingIds;
    }

    /// <summary>Which check failed.</summary>
    public Rejection Reason { get; }

    /// <summary>The IDs that failed it, in request order.</summary>
    public IReadOnlyList<string> OffendingIds { get; }
}
