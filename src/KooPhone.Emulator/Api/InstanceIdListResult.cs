using System.Collections.Generic;

namespace KooPhone.Emulator.Api;

/// <summary>A validated instance_ids list, or the validation error to return.</summary>
public sealed class InstanceIdListResult
{
    private InstanceIdListResult(IReadOnlyList<string>? ids, string? error)
    {
        Ids = ids;
        Error = error;
    }

    /// <summary>The distinct, valid IDs in request order; null when invalid.</summary>
    public IReadOnlyList<string>? Ids { get; }

    /// <summary>Which rule failed; null when valid.</summary>
    public string? Error { get; }

    /// <summary>The list is valid.</summary>
    public static InstanceIdListResult Valid(IReadOnlyList<string> ids) => new(ids, null);

    /// <summary>The list broke <paramref name="error"/>.</summary>
    public static InstanceIdListResult Invalid(string error) => new(null, error);
}
