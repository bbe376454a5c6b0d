using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Admin;

/// <summary>Run-time control of the settings that have a start-up option too (<see cref="RunTimeSettings"/>).</summary>
public static class OptionsAdminEndpoints
{
    /// <summary>Maps the endpoints onto the admin group.</summary>
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/options", (RunTimeOptions options) => AdminResults.Json(options.Current));
        admin.MapPost("/options", SetOptionsAsync);
    }

    // A partial update: fields left out keep their value.
    private static async Task<IResult> SetOptionsAsync(HttpContext httpContext, RunTimeOptions options)
    {
        (JsonDocument? document, string? error) = await AdminJsonBody.ReadAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, error!);
        }

        using (document)
        {
            RunTimeSettings? updated = RunTimeSettingsReader.TryApply(document.RootElement, options.Current, out error);
            if (updated is null)
            {
                return AdminResults.Error(StatusCodes.Status400BadRequest, error!);
            }

            options.Current = updated;
            return AdminResults.Json(updated);
        }
    }
}
