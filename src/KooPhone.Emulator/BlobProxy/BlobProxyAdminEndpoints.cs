using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.BlobProxy;

/// <summary>
/// The blob proxy's faults and log under /_emulator/blob-proxy/. Without --blob-proxy they
/// answer 404 with the reason, so a test that forgot the option fails at once.
/// </summary>
public static class BlobProxyAdminEndpoints
{
    /// <summary>Maps the endpoints onto the admin group.</summary>
    public static void Map(RouteGroupBuilder admin)
    {
        RouteGroupBuilder proxy = admin.MapGroup("/blob-proxy");
        proxy.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetService(typeof(BlobProxyTarget)) is null
            ? ValueTask.FromResult<object?>(AdminResults.Error(StatusCodes.Status404NotFound, "the emulator was started without --blob-proxy"))
            : next(context));
        proxy.MapGet("/faults", (BlobFaultSet faults) => AdminResults.Json(faults.Describe()));
        proxy.MapPost("/faults", ReplaceFaultsAsync);
        proxy.MapDelete("/faults", (BlobFaultSet faults) =>
        {
            faults.Replace(System.Array.Empty<BlobFaultRule>());
            return Results.NoContent();
        });
        proxy.MapGet("/requests", (BlobProxyLog log) => AdminResults.Json(log.Snapshot()));
        proxy.MapDelete("/requests", (BlobProxyLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }

    private static async Task<IResult> ReplaceFaultsAsync(HttpContext httpContext, BlobFaultSet faults)
    {
        (JsonDocument? document, string? error) = await AdminJsonBody.ReadAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, error!);
        }

        using (document)
        {
            error = BlobFaultRuleReader.TryReadList(document.RootElement, out List<BlobFaultRule> rules);
            if (error is not null)
            {
                return AdminResults.Error(StatusCodes.Status400BadRequest, error);
            }

            faults.Replace(rules);
        }

        return AdminResults.Json(faults.Describe());
    }
}
