using System;

namespace KooPhone.Emulator.Faults;

/// <summary>The wire names of <see cref="FaultKind"/> values, as rules and the request log spell them.</summary>
public static class FaultKindNames
{
    /// <summary>The request-log name of a request refused by --max-concurrency (not a rule kind).</summary>
    public const string MaxConcurrency = "maxConcurrency";

    /// <summary>Every kind name, for error messages.</summary>
    public const string All = "status, iam, html, shape, garbage, nodata, wrongtype, busy, nulldata, emptydata, wrongshape, emptycode, codezero, missingjobs, drop, hang, stall, cut, latency";

    /// <summary>The name of <paramref name="kind"/>, e.g. "wrongtype".</summary>
    public static string ToName(FaultKind kind) => kind switch
    {
        FaultKind.Status => "status",
        FaultKind.Iam => "iam",
        FaultKind.Html => "html",
        FaultKind.Shape => "shape",
        FaultKind.Garbage => "garbage",
        FaultKind.NoData => "nodata",
        FaultKind.WrongType => "wrongtype",
        FaultKind.Busy => "busy",
        FaultKind.NullData => "nulldata",
        FaultKind.EmptyData => "emptydata",
        FaultKind.WrongShape => "wrongshape",
        FaultKind.EmptyCode => "emptycode",
        FaultKind.CodeZero => "codezero",
        FaultKind.MissingJobs => "missingjobs",
        FaultKind.Drop => "drop",
        FaultKind.Hang => "hang",
        FaultKind.Stall => "stall",
        FaultKind.Cut => "cut",
        FaultKind.Latency => "latency",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Parses a kind name (exact, lower-case).</summary>
    public static bool TryParse(string name, out FaultKind kind)
    {
        foreach (FaultKind candidate in Enum.GetValues<FaultKind>())
        {
            if (ToName(candidate) == name)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
