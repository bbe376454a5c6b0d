using System;

namespace KooPhone.Emulator.State;

/// <summary>
/// One rule a batch operation checks on each of its instances (<see cref="InstanceTransaction.Screen"/>):
/// the instances that offend it refuse the request with <see cref="Reason"/>.
/// </summary>
public sealed class InstanceCheck
{
    private readonly Func<StoredInstance, int, bool> offends;

    /// <summary>A rule on the instance alone.</summary>
    public InstanceCheck(Rejection reason, Func<StoredInstance, bool> offends)
        : this(reason, (record, _) => offends(record))
    {
    }

    /// <summary>A rule that also needs the instance's position in the request (e.g. to find its user).</summary>
    public InstanceCheck(Rejection reason, Func<StoredInstance, int, bool> offends)
    {
        Reason = reason;
        this.offends = offends;
    }

    /// <summary>The refusal the offending instances cause.</summary>
    public Rejection Reason { get; }

    /// <summary>Whether the instance at <paramref name="position"/> of the request breaks the rule.</summary>
    public bool Offends(StoredInstance record, int position) => offends(record, position);
}
