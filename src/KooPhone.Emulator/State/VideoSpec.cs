using System.Text.Json.Serialization;

namespace KooPhone.Emulator.State;

/// <summary>One definition's bit rate and frame rate (SetVideo, docs/api-reference.md §5.17).</summary>
public sealed record VideoSpec(
    [property: JsonPropertyName("code_rate")] int CodeRate,
    [property: JsonPropertyName("fps")] int Fps);
