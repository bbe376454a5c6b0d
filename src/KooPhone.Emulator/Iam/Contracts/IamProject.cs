using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Iam.Contracts;

/// <summary>The project a token is scoped to.</summary>
public sealed record IamProject(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("domain")] IamDomain Domain);
