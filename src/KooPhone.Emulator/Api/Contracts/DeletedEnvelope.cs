using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>DeleteInstance's success body (docs/api-reference.md §5.10): data is documented as a string and is null in the example, so it is written explicitly.</summary>
public sealed class DeletedEnvelope
{
    /// <summary>Always null.</summary>
    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Data => null;

    /// <summary>"0".</summary>
    [JsonPropertyName("error_code")] public string ErrorCode => ApiErrorCodes.Ok;

    /// <summary>"OK", upper case as in the example.</summary>
    [JsonPropertyName("error_msg")] public string ErrorMessage => "OK";
}
