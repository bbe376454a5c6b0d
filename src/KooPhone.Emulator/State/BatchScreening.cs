using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// A checked batch (<see cref="InstanceTransaction.Screen"/>): the refusal, if any, and the
/// positions of the request the operation must change. That is every position when the batch
/// passed, none when it was refused, and the healthy ones when it was refused under
/// --rejected-batches partly-applied.
/// </summary>
public sealed class BatchScreening
{
    private readonly StoredInstance?[] records;

    /// <summary>Creates the outcome; only <see cref="InstanceTransaction"/> does.</summary>
    internal BatchScreening(StoredInstance?[] records, IReadOnlyList<int> toChange, Refusal? refusal)
    {
        this.records = records;
        ToChange = toChange;
        Refusal = refusal;
    }

    /// <summary>Why the request is refused; null when every check passed.</summary>
    public Refusal? Refusal { get; }

    /// <summary>The positions in the request whose instances the operation changes, in request order.</summary>
    public IReadOnlyList<int> ToChange { get; }

    /// <summary>The settled record at <paramref name="position"/>, one of <see cref="ToChange"/>.</summary>
    public StoredInstance Record(int position) => records[position]!;

    /// <summary>The records at <see cref="ToChange"/>, in request order.</summary>
    public List<StoredInstance> RecordsToChange()
    {
        var result = new List<StoredInstance>(ToChange.Count);
        foreach (int position in ToChange)
        {
            result.Add(records[position]!);
        }

        return result;
    }
}
