using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Iam.Contracts;

/// <summary>IAM's error body: <c>{"error":{"code":401,"message":"…","title":"Unauthorized"}}</c>, unlike the KooPhone envelope.</summary>
public sealed record IamErrorResponse([property: JsonPropertyName("error")] IamError Error);
