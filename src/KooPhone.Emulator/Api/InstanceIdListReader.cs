using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Reads and validates instance ID lists (docs/api-reference.md §2.5: 1 to 100 distinct IDs, each at most 32
/// characters), whatever the operation calls the field: instance_ids, instanceIdList
/// (DeleteInstance) or instance_id_list (InstallApp). Also checks single IDs.
/// </summary>
public static class InstanceIdListReader
{
    /// <summary>Most IDs one request may carry.</summary>
    public const int MaxIds = 100;

    /// <summary>Longest allowed instance ID (and user ID).</summary>
    public const int MaxIdLength = 32;

    /// <summary>The usual field name.</summary>
    public const string InstanceIdsField = "instance_ids";

    /// <summary>Reads a {"instance_ids":[...]} body.</summary>
    public static async Task<InstanceIdListResult> ReadAsync(HttpContext httpContext)
    {
        (JsonDocument? document, string? error) = await JsonBody.ReadObjectAsync(httpContext).ConfigureAwait(false);
        if (document is null)
        {
            return InstanceIdListResult.Invalid(error!);
        }

        using (document)
        {
            return ReadList(document.RootElement, InstanceIdsField);
        }
    }

    /// <summary>Reads and validates the list in <paramref name="field"/> of a body object.</summary>
    public static InstanceIdListResult ReadList(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out JsonElement list) || list.ValueKind == JsonValueKind.Null)
        {
            return InstanceIdListResult.Invalid($"missing required field '{field}'");
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            return InstanceIdListResult.Invalid($"'{field}' must be an array of strings");
        }

        return Validate(RequestInstanceIds.ToRaw(list), field);
    }

    /// <summary>Applies the list rules, in the order their messages are most useful.</summary>
    public static InstanceIdListResult Validate(IReadOnlyList<string?> raw, string field = InstanceIdsField)
    {
        if (raw.Count == 0)
        {
            return InstanceIdListResult.Invalid($"'{field}' must not be empty");
        }

        if (raw.Count > MaxIds)
        {
            return InstanceIdListResult.Invalid($"'{field}' has {raw.Count} entries; at most {MaxIds} are allowed");
        }

        var ids = new string[raw.Count];
        var seen = new HashSet<string>(raw.Count, StringComparer.Ordinal);
        for (int i = 0; i < raw.Count; i++)
        {
            string? id = raw[i];
            if (CheckId(id, $"{field}[{i}]") is string error)
            {
                return InstanceIdListResult.Invalid(error);
            }

            if (!seen.Add(id!))
            {
                return InstanceIdListResult.Invalid($"'{field}' contains the ID '{id}' more than once");
            }

            ids[i] = id!;
        }

        return InstanceIdListResult.Valid(ids);
    }

    /// <summary>The rule a single ID (named <paramref name="name"/> in the message) breaks, or null when it is valid.</summary>
    public static string? CheckId(string? id, string name)
    {
        if (string.IsNullOrEmpty(id))
        {
            return $"'{name}' must be a non-empty string";
        }

        return id.Length > MaxIdLength ? $"'{name}' is {id.Length} characters long; at most {MaxIdLength} are allowed" : null;
    }
}
