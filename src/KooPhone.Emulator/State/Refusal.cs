using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// A refused request: the reason and the IDs that caused it, in request order. No state changed,
/// unless --rejected-batches partly-applied carried the batch's healthy IDs out all the same.
/// </summary>
public sealed class Refusal
{
    /// <summary>Creates a refusal that changed nothing.</summary>
    public Refusal(Rejection reason, IReadOnlyList<string> offendingIds)
        : this(reason, offendingIds, Array.Empty<string>())
    {
    }

    /// <summary>Creates a refusal after which <paramref name="carriedOutIds"/> were changed anyway.</summary>
    public Refusal(Rejection reason, IReadOnlyList<string> offendingIds, IReadOnlyList<string> carriedOutIds)
    {
        Reason = reason;
        OffendingIds = offendingIds;
        CarriedOutIds = carriedOutIds;
    }

    /// <summary>Which check failed.</summary>
    public Rejection Reason { get; }

    /// <summary>The IDs that failed it, in request order; empty for a check on the batch as a whole.</summary>
    public IReadOnlyList<string> OffendingIds { get; }

    /// <summary>The IDs the operation was carried out on although the request was refused, in request order; usually none.</summary>
    public IReadOnlyList<string> CarriedOutIds { get; }
}
