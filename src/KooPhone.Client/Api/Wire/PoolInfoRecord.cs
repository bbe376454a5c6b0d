using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class PoolInfoRecord
    {
        [JsonPropertyName("aosp")] public List<AospPoolRecord>? Aosp { get; set; }
    }
}
