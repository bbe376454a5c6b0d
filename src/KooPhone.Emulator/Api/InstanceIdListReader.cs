using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Reads and validates a {"instance_ids":[...]} body (§2.5: at most 100 IDs, each at most 32
/// characters). The body is parsed by hand rather than by minimal-API binding so that every
/// malformed body gets the KooPhone 400 envelope with a message naming the broken rule.
/// </summary>
public static class InstanceIdListReader
{
    /// <summary>Most IDs one request may carry.</summary>
    public const int MaxIds = 100;

    /// <summary>Longest allowed instance ID.</summary>
    public const int MaxIdLength = 32;

    private const string Field = "instance_ids";

    /// <summary>Reads the request body; also hands the raw list to the request log.</summary>
    public static async Task<InstanceIdListResult> ReadAsync(HttpContext httpContext)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(httpContext.Request.Body, default, httpContext.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return InstanceIdListResult.Invalid("request body is not valid JSON: " + ex.Message);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return InstanceIdListResult.Invalid("request body must be a JSON object");
            }

            if (!root.TryGetProperty(Field, out JsonElement list) || list.ValueKind == JsonValueKind.Null)
            {
                return InstanceIdListResult.Invalid($"missing required field '{Field}'");
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                return InstanceIdListResult.Invalid($"'{Field}' must be an array of strings");
            }

            string?[] raw = ToRaw(list);
            ApiRequestContext.For(httpContext).InstanceIds = raw;
            return Validate(raw);
        }
    }

    /// <summary>
    /// Only records the body's instance_ids for the request log, for a request that a fault
    /// answers instead of its operation. Best effort: a body that is not JSON records nothing.
    /// </summary>
    public static async Task RecordAsync(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return;
        }

        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(httpContext.Request.Body, default, httpContext.RequestAborted)
                .ConfigureAwait(false);
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(Field, out JsonElement list)
                && list.ValueKind == JsonValueKind.Array)
            {
                ApiRequestContext.For(httpContext).InstanceIds = ToRaw(list);
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or OperationCanceledException)
        {
            // Nothing to record; the fault is answered all the same.
        }
    }

    // Non-strings become null, so the log shows what the client sent without failing on it.
    private static string?[] ToRaw(JsonElement list)
    {
        var raw = new string?[list.GetArrayLength()];
        int n = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            raw[n++] = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
        }

        return raw;
    }

    /// <summary>Applies the list rules, in the order their messages are most useful.</summary>
    public static InstanceIdListResult Validate(IReadOnlyList<string?> raw)
    {
        if (raw.Count == 0)
        {
            return InstanceIdListResult.Invalid($"'{Field}' must not be empty");
        }

        if (raw.Count > MaxIds)
        {
            return InstanceIdListResult.Invalid($"'{Field}' has {raw.Count} entries; at most {MaxIds} are allowed");
        }

        var ids = new string[raw.Count];
        var seen = new HashSet<string>(raw.Count, StringComparer.Ordinal);
        for (int i = 0; i < raw.Count; i++)
        {
            string? id = raw[i];
            if (string.IsNullOrEmpty(id))
            {
                return InstanceIdListResult.Invalid($"'{Field}[{i}]' must be a non-empty string");
            }

            if (id.Length > MaxIdLength)
            {
                return InstanceIdListResult.Invalid(
                    $"'{Field}[{i}]' is {id.Length} characters long; at most {MaxIdLength} are allowed");
            }

            if (!seen.Add(id))
            {
                return InstanceIdListResult.Invalid($"'{Field}' contains the ID '{id}' more than once");
            }

            ids[i] = id;
        }

        return InstanceIdListResult.Valid(ids);
    }
}
