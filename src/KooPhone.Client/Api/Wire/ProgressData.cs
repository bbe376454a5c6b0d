using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>data of ShowProgress. waitingCount is camelCase on the wire.</summary>
    internal sealed class ProgressData
    {
        [JsonPropertyName("status")] public int? Status { get; set; }
        [JsonPropertyName("waitingCount")] public int? WaitingCount { get; set; }
    }
}
