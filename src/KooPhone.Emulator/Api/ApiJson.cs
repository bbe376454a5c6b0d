using System.Text.Encodings.Web;
using System.Text.Json;

namespace KooPhone.Emulator.Api;

/// <summary>
/// The serializer settings of every emulator response. Property names come from explicit
/// [JsonPropertyName] attributes (snake_case for the API, camelCase for the request log), so no
/// naming policy is needed. Relaxed escaping keeps non-ASCII text such as region_name readable;
/// the output is only ever sent as application/json, never embedded in HTML.
/// </summary>
public static class ApiJson
{
    /// <summary>The shared, thread-safe options.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
