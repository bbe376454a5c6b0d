using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>data of the task query (ExecuteJob, docs/api-reference.md §5.12). Jobs carry no instance_id.</summary>
    internal sealed class JobsData
    {
        [JsonPropertyName("jobs")]
        public List<JobDetail>? Jobs { get; set; }
    }
}
