using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Iam.Contracts;

/// <summary>The <c>token</c> object of a token response (docs/api-reference.md §7.1). No catalog: clients ask with nocatalog=true.</summary>
public sealed record IamTokenBody(
    [property: JsonPropertyName("expires_at")] string ExpiresAt,
    [property: JsonPropertyName("issued_at")] string IssuedAt,
    [property: JsonPropertyName("methods")] IReadOnlyList<string> Methods,
    [property: JsonPropertyName("project")] IamProject Project,
    [property: JsonPropertyName("user")] IamUser User);
