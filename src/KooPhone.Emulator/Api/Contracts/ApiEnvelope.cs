using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>The common response body (docs/api-reference.md §2.3): error_code, error_msg and, on success with content, data.</summary>
public sealed class ApiEnvelope
{
    public ApiEnvelope(string errorCode, string errorMessage, object? data)
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        Data = data;
    }

    /// <summary>"0" on success.</summary>
    [JsonPropertyName("error_code")] public string ErrorCode { get; }

    /// <summary>"ok" on success.</summary>
    [JsonPropertyName("error_msg")] public string ErrorMessage { get; }

    /// <summary>Operation-specific content; omitted when null (errors, content-less successes).</summary>
    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public object? Data { get; }
}
