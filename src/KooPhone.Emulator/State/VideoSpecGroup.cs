using System.Text.Json.Serialization;

namespace KooPhone.Emulator.State;

/// <summary>The three definitions of one video_spec_groups entry (SetVideo, docs/api-reference.md §5.17).</summary>
public sealed record VideoSpecGroup(
    [property: JsonPropertyName("definition_540P")] VideoSpec Definition540P,
    [property: JsonPropertyName("definition_720P")] VideoSpec Definition720P,
    [property: JsonPropertyName("definition_1080P")] VideoSpec Definition1080P);
