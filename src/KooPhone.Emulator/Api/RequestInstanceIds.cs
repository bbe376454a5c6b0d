using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Finds the instance IDs a request body names, whatever shape the operation uses, for the
/// request log: instance_ids, instanceIdList (DeleteInstance), instance_id_list (InstallApp),
/// user_instances[].instance_id (assign/unassign) or a single instance_id. IDs in the path
/// ({instance_id}) are added by the request recorder. Items that are not strings show as null.
/// </summary>
public static class RequestInstanceIds
{
    private static readonly string[] ListFields = { "instance_ids", "instanceIdList", "instance_id_list" };

    /// <summary>The IDs <paramref name="root"/> names, or null when it has none of the shapes.</summary>
    public static string?[]? Extract(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (string field in ListFields)
        {
            if (root.TryGetProperty(field, out JsonElement list) && list.ValueKind == JsonValueKind.Array)
            {
                return ToRaw(list);
            }
        }

        if (root.TryGetProperty("user_instances", out JsonElement pairs) && pairs.ValueKind == JsonValueKind.Array)
        {
            var ids = new string?[pairs.GetArrayLength()];
            int n = 0;
            foreach (JsonElement pair in pairs.EnumerateArray())
            {
                ids[n++] = pair.ValueKind == JsonValueKind.Object && pair.TryGetProperty("instance_id", out JsonElement id)
                    ? AsString(id)
                    : null;
            }

            return ids;
        }

        if (root.TryGetProperty("instance_id", out JsonElement single) && single.ValueKind != JsonValueKind.Null)
        {
            return new[] { AsString(single) };
        }

        return null;
    }

    /// <summary>Stores what <paramref name="root"/> names in the request's context, for the request log.</summary>
    public static void Capture(HttpContext httpContext, JsonElement root)
    {
        if (Extract(root) is string?[] ids)
        {
            ApiRequestContext.For(httpContext).InstanceIds = ids;
        }
    }

    /// <summary>
    /// Only records the body's IDs, for a request that a fault answers instead of its operation.
    /// Best effort: a body that is not JSON records nothing.
    /// </summary>
    public static async Task RecordAsync(HttpContext httpContext)
    {
        string method = httpContext.Request.Method;
        if (!HttpMethods.IsPost(method) && !HttpMethods.IsPut(method))
        {
            return;
        }

        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(httpContext.Request.Body, default, httpContext.RequestAborted)
                .ConfigureAwait(false);
            Capture(httpContext, document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or IOException or OperationCanceledException)
        {
            // Nothing to record; the fault is answered all the same.
        }
    }

    /// <summary>Copies a JSON array, with non-strings as null, so the log shows what the client sent.</summary>
    public static string?[] ToRaw(JsonElement list)
    {
        var raw = new string?[list.GetArrayLength()];
        int n = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            raw[n++] = AsString(item);
        }

        return raw;
    }

    private static string? AsString(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
