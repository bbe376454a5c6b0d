using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Auth;

/// <summary>How many tokens were issued and how many are still usable; never the tokens themselves.</summary>
public sealed record TokenCounts(
    [property: JsonPropertyName("issued")] long Issued,
    [property: JsonPropertyName("active")] long Active);
