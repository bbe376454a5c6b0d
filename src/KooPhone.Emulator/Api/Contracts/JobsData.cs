using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>ExecuteJob's data (docs/api-reference.md §5.12).</summary>
public sealed class JobsData
{
    public JobsData(IReadOnlyList<JobDetail> jobs) => Jobs = jobs;

    /// <summary>The task's jobs, in the order they were created.</summary>
    [JsonPropertyName("jobs")] public IReadOnlyList<JobDetail> Jobs { get; }
}
