using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>BatchPrepareInstances' data (docs/api-reference.md §5.3): one lifecycle status (§4.2) per requested instance.</summary>
public sealed record PrepareData([property: JsonPropertyName("status_list")] IReadOnlyList<PrepareStatus> StatusList);
