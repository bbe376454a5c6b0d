using System;

namespace KooPhone.Emulator.State;

/// <summary>Outcome of a change or query with a value: the value and when, or a refusal (see <see cref="State.Refusal"/>).</summary>
public sealed class BatchResult<T>
{
    private BatchResult(Refusal? refusal, T? value, DateTimeOffset at)
    {
        Refusal = refusal;
        Value = value;
        At = at;
    }

    /// <summary>Why the request was refused; null when accepted.</summary>
    public Refusal? Refusal { get; }

    /// <summary>The result; default when refused.</summary>
    public T? Value { get; }

    /// <summary>When the change happened: scheduled transitions and their jobs count from here.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Accepted at <paramref name="at"/> with <paramref name="value"/>.</summary>
    public static BatchResult<T> Accepted(T value, DateTimeOffset at) => new(null, value, at);

    /// <summary>Nothing changed, or (under --rejected-batches partly-applied) only what the refusal says it carried out.</summary>
    public static BatchResult<T> Refused(Refusal refusal) => new(refusal, default, default);
}
