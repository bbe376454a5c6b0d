using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>SyncInvokeInstance's data (docs/api-reference.md §5.21).</summary>
public sealed record CmdResultsData([property: JsonPropertyName("cmd_results")] IReadOnlyList<CmdResult> CmdResults);
