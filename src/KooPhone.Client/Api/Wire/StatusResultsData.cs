using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>data of BatchShowInstance (docs/api-reference.md §5.6).</summary>
    internal sealed class StatusResultsData
    {
        [JsonPropertyName("status_results")]
        public List<StatusResult>? StatusResults { get; set; }
    }
}
