using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>BatchShowSku's poolInfo.aosp[] item (docs/api-reference.md §5.7).</summary>
public sealed record AospPool(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("resPoolId")] string ResPoolId,
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("network")] string Network,
    [property: JsonPropertyName("enable")] bool Enable);
