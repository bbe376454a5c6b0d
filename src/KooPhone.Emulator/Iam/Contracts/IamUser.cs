using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Iam.Contracts;

/// <summary>The user a token was issued to.</summary>
public sealed record IamUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("domain")] IamDomain Domain);
