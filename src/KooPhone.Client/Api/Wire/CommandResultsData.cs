using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>data of SyncInvokeInstance.</summary>
    internal sealed class CommandResultsData
    {
        [JsonPropertyName("cmd_results")] public List<CmdResult>? CmdResults { get; set; }
    }
}
