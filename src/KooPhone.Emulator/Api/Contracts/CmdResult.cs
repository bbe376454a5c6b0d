using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>SyncInvokeInstance's data.cmd_results[] item (docs/api-reference.md §3.4).</summary>
public sealed record CmdResult(
    [property: JsonPropertyName("instance_id")] string InstanceId,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("error_code")] string ErrorCode,
    [property: JsonPropertyName("error_msg")] string ErrorMessage,
    [property: JsonPropertyName("execute_msg")] string ExecuteMessage);
