namespace KooPhone.Emulator.State;

/// <summary>Why the store refused a whole request. The API layer turns each into its error code.</summary>
public enum Rejection
{
    /// <summary>At least one ID does not exist.</summary>
    UnknownInstances = 1,

    /// <summary>The instances are in more than one region (--regions); names no ID.</summary>
    MixedRegions,

    /// <summary>At least one instance is being backed up.</summary>
    BackingUp,

    /// <summary>At least one instance is being restored.</summary>
    Restoring,

    /// <summary>At least one instance is not running (running_status ≠ 2).</summary>
    NotRunning,

    /// <summary>At least one instance is pay-per-use (postPaid), which cannot be deleted.</summary>
    PayPerUse,

    /// <summary>At least one instance is bound to another user, or is being unbound.</summary>
    NotAssignable,

    /// <summary>At least one user–instance pair is not bound.</summary>
    BindingMissing,
}
