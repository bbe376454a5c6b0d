using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// One fault rule as tests write it (JSON or the --fault form). Immutable: the counters that
/// decide when it fires live in <see cref="ActiveFaultRule"/>, so replacing the rule set
/// starts them afresh. Serialises back to the same JSON shape, leaving unset fields out.
/// </summary>
public sealed class FaultRule
{
    /// <summary>What the rule does.</summary>
    [JsonIgnore] public FaultKind Kind { get; init; }

    /// <summary>The kind's wire name.</summary>
    [JsonPropertyName("kind")] public string KindName => FaultKindNames.ToName(Kind);

    /// <summary>When the rule acts: before the operation (the default) or after it.</summary>
    [JsonIgnore] public FaultPhase Phase { get; init; }

    /// <summary>The phase's wire name, left out for the default "before" so older answers stay as they were.</summary>
    [JsonPropertyName("phase")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PhaseName => Phase == FaultPhase.After ? "after" : null;

    /// <summary>
    /// Path prefix, matched segment by segment (so /v1/instances/batch-query does not match
    /// batch-query-status), or one of IAM's paths; null matches all /v1, never IAM.
    /// </summary>
    [JsonPropertyName("path")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Path { get; init; }

    /// <summary>HTTP method in upper case, or null for any.</summary>
    [JsonPropertyName("method")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Method { get; init; }

    /// <summary>Most times the rule fires; null for no limit.</summary>
    [JsonPropertyName("times")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Times { get; init; }

    /// <summary>Fires only on every k-th matching request; null for every one.</summary>
    [JsonPropertyName("every")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Every { get; init; }

    /// <summary>Probability (0..1) of firing on a matching request; null for always.</summary>
    [JsonPropertyName("rate")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Rate { get; init; }

    /// <summary>HTTP status of a <see cref="FaultKind.Status"/> rule.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Status { get; init; }

    /// <summary>The body shape of a <see cref="FaultKind.Shape"/> rule, one of <see cref="ErrorShapes.All"/>.</summary>
    [JsonPropertyName("shape")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Shape { get; init; }

    /// <summary>Retry-After header value: delay seconds or an HTTP-date, sent as given.</summary>
    [JsonPropertyName("retryAfter")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RetryAfter { get; init; }

    /// <summary>Delay of a <see cref="FaultKind.Latency"/> rule, in ms.</summary>
    [JsonPropertyName("delayMs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? DelayMs { get; init; }
}
