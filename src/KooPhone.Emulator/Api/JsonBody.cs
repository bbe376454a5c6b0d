using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Reads an operation's JSON body. Bodies are parsed by hand rather than by minimal-API binding
/// so that every malformed body gets the KooPhone 400 envelope with a message naming the broken
/// rule. Whatever instance IDs the body names, and the names of its members, go to the request
/// log, even if it is rejected.
/// </summary>
public static class JsonBody
{
    /// <summary>The parsed body (a JSON object, to be disposed by the caller), or null and the error message.</summary>
    public static async Task<(JsonDocument? Document, string? Error)> ReadObjectAsync(HttpContext httpContext)
    {
        JsonDocument document;
        try
        {
            // Not RequestAborted: once the body is in, the request is carried out even if the
            // client gives up waiting, as the real service would. A body cut off mid-way still
            // fails the read.
            document = await JsonDocument.ParseAsync(httpContext.Request.Body).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return (null, "request body is not valid JSON: " + ex.Message);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, "request body must be a JSON object");
        }

        RequestInstanceIds.Capture(httpContext, document.RootElement);
        ApiRequestContext.For(httpContext).BodyFields = RequestBodyFields.Of(document.RootElement);
        return (document, null);
    }
}
