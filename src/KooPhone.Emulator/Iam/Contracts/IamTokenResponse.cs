using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Iam.Contracts;

/// <summary>The body of a 201 token response: <c>{"token":{…}}</c>. The token itself travels in X-Subject-Token.</summary>
public sealed record IamTokenResponse([property: JsonPropertyName("token")] IamTokenBody Token);
