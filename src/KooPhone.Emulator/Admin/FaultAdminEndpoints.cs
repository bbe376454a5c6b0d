using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using KooPhone.Emulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Admin;

/// <summary>Run-time control of fault injection: the fault rules and the latency of every /v1 request.</summary>
public static class FaultAdminEndpoints
{
    /// <summary>Maps the endpoints onto the admin group.</summary>
    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/faults", (FaultInjector faults) => AdminResults.Json(Describe(faults)));
        admin.MapPost("/faults", ReplaceFaultsAsync);
        admin.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Replace(System.Array.Empty<FaultRule>());
            return Results.NoContent();
        });
        admin.MapGet("/latency", (FaultInjector faults) => AdminResults.Json(new { latencyMs = faults.LatencyMs }));
        admin.MapPost("/latency", SetLatencyAsync);
    }

    private static async Task<IResult> ReplaceFaultsAsync(HttpContext httpContext, FaultInjector faults)
    {
        (JsonDocument? document, string? error) = await AdminJsonBody.ReadAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, error!);
        }

        using (document)
        {
            if (!FaultRuleReader.TryReadList(document.RootElement, out List<FaultRule> rules, out error))
            {
                return AdminResults.Error(StatusCodes.Status400BadRequest, error!);
            }

            faults.Replace(rules);
        }

        return AdminResults.Json(Describe(faults));
    }

    private static async Task<IResult> SetLatencyAsync(HttpContext httpContext, FaultInjector faults)
    {
        (JsonDocument? document, string? error) = await AdminJsonBody.ReadAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return AdminResults.Error(StatusCodes.Status400BadRequest, error!);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.GetPropertyCount() != 1
                || !root.TryGetProperty("latencyMs", out JsonElement value) || value.ValueKind != JsonValueKind.Number
                || !value.TryGetInt32(out int latencyMs) || latencyMs < 0 || latencyMs > FaultRuleReader.MaxDelayMs)
            {
                return AdminResults.Error(StatusCodes.Status400BadRequest,
                    $"body must be {{\"latencyMs\":N}} with N from 0 to {FaultRuleReader.MaxDelayMs}");
            }

            faults.LatencyMs = latencyMs;
        }

        return AdminResults.Json(new { latencyMs = faults.LatencyMs });
    }

    // Each rule in its own JSON shape plus its counters, so the answer can be posted back as is.
    private static JsonArray Describe(FaultInjector faults)
    {
        var list = new JsonArray();
        foreach (ActiveFaultRule rule in faults.Rules)
        {
            JsonObject item = JsonSerializer.SerializeToNode(rule.Rule, ApiJson.Options)!.AsObject();
            item["matched"] = rule.Matched;
            item["injected"] = rule.Injected;
            list.Add(item);
        }

        return list;
    }
}
