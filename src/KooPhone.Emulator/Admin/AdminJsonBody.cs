using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Admin;

/// <summary>Reads an admin request's JSON body, reporting malformed JSON as a message instead of an exception.</summary>
public static class AdminJsonBody
{
    /// <summary>The parsed body, or null with <c>error</c> set when it is not valid JSON.</summary>
    public static async Task<(JsonDocument? Document, string? Error)> ReadAsync(HttpContext httpContext)
    {
        try
        {
            JsonDocument document = await JsonDocument.ParseAsync(httpContext.Request.Body, default, httpContext.RequestAborted)
                .ConfigureAwait(false);
            return (document, null);
        }
        catch (JsonException ex)
        {
            return (null, "body is not valid JSON: " + ex.Message);
        }
    }
}
