using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>The body of SyncInvokeInstance and AsyncInvokeInstance (docs/api-reference.md §5.21, 5.1).</summary>
    internal sealed class CommandRequest
    {
        [JsonPropertyName("command")] public string Command { get; set; } = "";
        [JsonPropertyName("instance_ids")] public IReadOnlyList<string> InstanceIds { get; set; } = new string[0];
    }
}
