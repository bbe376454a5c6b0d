using System;

namespace KooPhone.Emulator.State;

/// <summary>Outcome of a change without a value: accepted at <see cref="At"/>, or refused (see <see cref="State.Refusal"/>).</summary>
public sealed class BatchResult
{
    private BatchResult(Refusal? refusal, DateTimeOffset at)
    {
        Refusal = refusal;
        At = at;
    }

    /// <summary>Why the request was refused; null when accepted.</summary>
    public Refusal? Refusal { get; }

    /// <summary>When the change happened: scheduled transitions and their jobs count from here.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The change was made at <paramref name="at"/>.</summary>
    public static BatchResult Accepted(DateTimeOffset at) => new(null, at);

    /// <summary>Nothing changed, or (under --rejected-batches partly-applied) only what the refusal says it carried out.</summary>
    public static BatchResult Refused(Refusal refusal) => new(refusal, default);

    /// <summary>Accepted at <paramref name="at"/>, or refused, as <paramref name="screening"/> decided.</summary>
    public static BatchResult Of(BatchScreening screening, DateTimeOffset at) =>
        screening.Refusal is null ? Accepted(at) : Refused(screening.Refusal);
}
