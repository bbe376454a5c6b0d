using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>BatchShowInstance's data (docs/api-reference.md §5.6).</summary>
public sealed class StatusResultsData
{
    public StatusResultsData(IReadOnlyList<StatusResult> statusResults) => StatusResults = statusResults;

    /// <summary>One entry per requested ID, in request order.</summary>
    [JsonPropertyName("status_results")] public IReadOnlyList<StatusResult> StatusResults { get; }
}
