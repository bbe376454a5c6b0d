using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>data of ListInstances (docs/api-reference.md §5.15).</summary>
    internal sealed class InstancePageData
    {
        [JsonPropertyName("page_no")]
        public int? PageNo { get; set; }

        [JsonPropertyName("page_size")]
        public int? PageSize { get; set; }

        [JsonPropertyName("total_count")]
        public int? TotalCount { get; set; }

        [JsonPropertyName("result")]
        public List<InstanceRecord>? Result { get; set; }
    }
}
