using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Iam.Contracts;

/// <summary>An account (domain) reference in a token body.</summary>
public sealed record IamDomain(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);
