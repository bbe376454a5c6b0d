using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>ListInstances' body: only data, with error_code inside it (docs/api-reference.md §2.3 exception).</summary>
public sealed class ListInstancesEnvelope
{
    /// <summary>Wraps <paramref name="data"/>.</summary>
    public ListInstancesEnvelope(ListInstancesData data) => Data = data;

    [JsonPropertyName("data")] public ListInstancesData Data { get; }
}
