using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>BatchShowSku's data.bandInfo (docs/api-reference.md §5.7).</summary>
public sealed record BandInfo([property: JsonPropertyName("cbcSkuId")] string CbcSkuId);
