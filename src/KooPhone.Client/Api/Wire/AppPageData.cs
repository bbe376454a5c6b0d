using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>data of ListInstanceApp.</summary>
    internal sealed class AppPageData
    {
        [JsonPropertyName("page_no")] public int? PageNo { get; set; }
        [JsonPropertyName("page_size")] public int? PageSize { get; set; }
        [JsonPropertyName("total_count")] public int? TotalCount { get; set; }
        [JsonPropertyName("result")] public List<AppRecord>? Result { get; set; }
    }
}
