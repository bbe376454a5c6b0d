using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class StatusResult
    {
        [JsonPropertyName("instance_id")]
        public string? InstanceId { get; set; }

        [JsonPropertyName("status")]
        public int? Status { get; set; }
    }
}
