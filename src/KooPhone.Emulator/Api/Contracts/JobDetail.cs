using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>ExecuteJob's data.jobs[] item (docs/api-reference.md §3.3).</summary>
public sealed class JobDetail
{
    public JobDetail(string jobId, int status, string errorCode, string errorMessage, string executeMessage)
    {
        JobId = jobId;
        Status = status;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        ExecuteMessage = executeMessage;
    }

    /// <summary>job_id.</summary>
    [JsonPropertyName("job_id")] public string JobId { get; }

    /// <summary>docs/api-reference.md §4.4: 0 not started (installs), 1 running, 2 succeeded, -1 failed (commands).</summary>
    [JsonPropertyName("status")] public int Status { get; }

    /// <summary>Per-job error code; empty when none.</summary>
    [JsonPropertyName("error_code")] public string ErrorCode { get; }

    /// <summary>Per-job error text; empty when none.</summary>
    [JsonPropertyName("error_msg")] public string ErrorMessage { get; }

    /// <summary>Command output; empty for other kinds of task and before the job ends.</summary>
    [JsonPropertyName("execute_msg")] public string ExecuteMessage { get; }
}
