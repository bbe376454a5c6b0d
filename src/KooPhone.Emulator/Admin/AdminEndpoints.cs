using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using KooPhone.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;

namespace KooPhone.Emulator.Admin;

/// <summary>
/// Test-control endpoints under /_emulator/. They need no authentication: the emulator listens on
/// 127.0.0.1 only and exists for tests. They are not part of the KooPhone API and not logged.
/// </summary>
public static class AdminEndpoints
{
    /// <summary>The path prefix of the admin endpoints.</summary>
    public const string Prefix = "/_emulator";

    /// <summary>Maps the admin endpoints.</summary>
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder admin = routes.MapGroup(Prefix);
        admin.MapGet("/requests", GetRequests);
        admin.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/instances/{id}", (string id, InstanceStore store) =>
            store.Find(id) is InstanceSnapshot snapshot ? Json(snapshot) : NotFound(id));
        admin.MapPost("/instances/{id}/state", SetStateAsync);
        admin.MapPost("/reset", Reset);
        admin.MapPost("/shutdown", Shutdown);
    }

    private static IResult GetRequests(HttpContext httpContext, RequestLog log)
    {
        long since = 0;
        StringValues text = httpContext.Request.Query["since"];
        if (text.Count > 0 && !long.TryParse(text[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out since))
        {
            return Error(StatusCodes.Status400BadRequest, "query parameter 'since' must be an integer");
        }

        return Json(log.Since(since));
    }

    private static async Task<IResult> SetStateAsync(string id, HttpContext httpContext, InstanceStore store)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(httpContext.Request.Body, default, httpContext.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return Error(StatusCodes.Status400BadRequest, "body is not valid JSON: " + ex.Message);
        }

        using (document)
        {
            if (!InstanceStatePatchReader.TryRead(document.RootElement, out InstanceStatePatch patch, out string? error))
            {
                return Error(StatusCodes.Status400BadRequest, error!);
            }

            return store.ApplyPatch(id, patch) is InstanceSnapshot snapshot ? Json(snapshot) : NotFound(id);
        }
    }

    // Back to the starting point: same seeded instances, no tasks, empty request log.
    private static IResult Reset(InstanceStore store, TaskStore tasks, RequestLog log)
    {
        store.Reset();
        tasks.Clear();
        log.Clear();
        return Json(new { instances = store.Count });
    }

    // Stop only after the 202 has been sent, so the caller reliably sees the answer.
    private static IResult Shutdown(HttpContext httpContext, IHostApplicationLifetime lifetime)
    {
        httpContext.Response.OnCompleted(() =>
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        });
        return Json(new { status = "stopping" }, StatusCodes.Status202Accepted);
    }

    private static IResult NotFound(string id) => Error(StatusCodes.Status404NotFound, $"instance '{id}' does not exist");

    private static IResult Error(int status, string message) => Json(new { error = message }, status);

    private static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, ApiJson.Options, "application/json; charset=utf-8", status);
}
