using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>ShowProgress' data (docs/api-reference.md §5.18). waitingCount is camelCase on the wire.</summary>
public sealed record ProgressData(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("waitingCount")] int WaitingCount);
