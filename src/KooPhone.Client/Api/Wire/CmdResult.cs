using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class CmdResult
    {
        [JsonPropertyName("instance_id")] public string? InstanceId { get; set; }
        [JsonPropertyName("status")] public int? Status { get; set; }
        [JsonPropertyName("error_code")] public string? ErrorCode { get; set; }
        [JsonPropertyName("error_msg")] public string? ErrorMessage { get; set; }
        [JsonPropertyName("execute_msg")] public string? ExecuteMessage { get; set; }
    }
}
