using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>BatchShowSku's skuResponses[].poolInfo (docs/api-reference.md §5.7).</summary>
public sealed record PoolInfo([property: JsonPropertyName("aosp")] IReadOnlyList<AospPool> Aosp);
