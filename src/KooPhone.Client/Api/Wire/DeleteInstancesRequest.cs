using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>The body of DeleteInstance, camelCase unlike most operations (docs/api-reference.md §5.10).</summary>
    internal sealed class DeleteInstancesRequest
    {
        [JsonPropertyName("instanceIdList")] public IReadOnlyList<string> InstanceIdList { get; set; } = new string[0];
    }
}
