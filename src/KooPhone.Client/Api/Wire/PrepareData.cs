using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>data of BatchPrepareInstances.</summary>
    internal sealed class PrepareData
    {
        [JsonPropertyName("status_list")] public List<StatusResult>? StatusList { get; set; }
    }
}
