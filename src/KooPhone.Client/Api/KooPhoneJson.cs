using System.Text.Json;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api
{
    /// <summary>One set of serializer options for the wire, shared because building them is costly.</summary>
    internal static class KooPhoneJson
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            // The SDK models page_no as a string and some ports as both (docs/api-reference.md §10, item 22).
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
    }
}
