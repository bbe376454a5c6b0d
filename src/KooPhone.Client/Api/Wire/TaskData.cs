using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>data of an asynchronous operation: the task and one job per instance (docs/api-reference.md §3.2).</summary>
    internal sealed class TaskData
    {
        [JsonPropertyName("task_id")]
        public string? TaskId { get; set; }

        [JsonPropertyName("cmd_jobs")]
        public List<CmdJob>? CmdJobs { get; set; }

        /// <summary>InstallApp before SDK 3.1.207 wrapped the task once more, as data.data (docs/api-reference.md §10, item 3).</summary>
        [JsonPropertyName("data")]
        public TaskData? Nested { get; set; }
    }
}
