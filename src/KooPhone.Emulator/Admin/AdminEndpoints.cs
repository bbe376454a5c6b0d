using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Auth;
using KooPhone.Emulator.BlobProxy;
using KooPhone.Emulator.Faults;
using KooPhone.Emulator.Hosting;
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
/// Fault injection, tokens, run-time options and the clock have their own classes
/// (<see cref="FaultAdminEndpoints"/>, <see cref="TokenAdminEndpoints"/>,
/// <see cref="OptionsAdminEndpoints"/>, <see cref="ClockAdminEndpoints"/>).
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
        admin.MapGet("/in-flight", (InFlightCounter inFlight) => AdminResults.Json(new { inFlight = inFlight.Current }));
        admin.MapGet("/actions", (ActionLog actions) => AdminResults.Json(actions.Snapshot()));
        admin.MapDelete("/actions", (ActionLog actions) =>
        {
            actions.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/instances/{id}", (string id, InstanceStore store) =>
            store.FindDetails(id) is InstanceDetails details ? AdminResults.Json(details) : NotFound(id));
        admin.MapPost("/instances/{id}/state", SetStateAsync);
        admin.MapPost("/reset", Reset);
        admin.MapPost("/shutdown", Shutdown);
        FaultAdminEndpoints.Map(admin);
        TokenAdminEndpoints.Map(admin);
        OptionsAdminEndpoints.Map(admin);
        ClockAdminEndpoints.Map(admin);
        BlobProxyAdminEndpoints.Map(admin);
    }

    private static IResult GetRequests(HttpContext httpContext, RequestLog log)
    {
        long since = 0;
        StringValues text = httpContext.Request.Query["since"];
        if (text.Count > 0 && !long.TryParse(text[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out since))
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, "query parameter 'since' must be an integer");
        }

        return AdminResults.Json(log.Since(since));
    }

    private static async Task<IResult> SetStateAsync(string id, HttpContext httpContext, InstanceStore store)
    {
        (JsonDocument? document, string? error) = await AdminJsonBody.ReadAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, error!);
        }

        using (document)
        {
            if (!InstanceStatePatchReader.TryRead(document.RootElement, out InstanceStatePatch patch, out error))
            {
                return AdminResults.Error(StatusCodes.Status400BadRequest, error!);
            }

            return store.ApplyPatch(id, patch) is InstanceDetails details ? AdminResults.Json(details) : NotFound(id);
        }
    }

    // Back to the starting point: same seeded instances (created and deleted ones, settings, apps
    // and everything in flight are gone), no tasks, empty request and action logs, the start-up
    // fault rules (counters at zero), latency and run-time options, and every --token value
    // accepted again. Issued IAM tokens stay valid: tests reset state between cases but stay logged in.
    // The clock is not reset either: stored times would otherwise lie in the future. The blob
    // proxy forgets its faults and its log (it has no start-up faults).
    private static IResult Reset(InstanceStore store, TaskStore tasks, RequestLog log, ActionLog actions, FaultInjector faults, RunTimeOptions options, StaticTokenSet staticTokens,
        BlobFaultSet blobFaults, BlobProxyLog blobLog)
    {
        blobFaults.Replace(System.Array.Empty<BlobFaultRule>());
        blobLog.Clear();
        store.Reset();
        tasks.Clear();
        log.Clear();
        actions.Clear();
        faults.Reset();
        options.Reset();
        staticTokens.Restore();
        return AdminResults.Json(new { instances = store.Count });
    }

    // Stop only after the 202 has been sent, so the caller reliably sees the answer.
    private static IResult Shutdown(HttpContext httpContext, IHostApplicationLifetime lifetime)
    {
        httpContext.Response.OnCompleted(() =>
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        });
        return AdminResults.Json(new { status = "stopping" }, StatusCodes.Status202Accepted);
    }

    private static IResult NotFound(string id) => AdminResults.Error(StatusCodes.Status404NotFound, $"instance '{id}' does not exist");
}
