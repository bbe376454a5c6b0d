using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class CmdJob
    {
        [JsonPropertyName("instance_id")]
        public string? InstanceId { get; set; }

        [JsonPropertyName("job_id")]
        public string? JobId { get; set; }
    }
}
