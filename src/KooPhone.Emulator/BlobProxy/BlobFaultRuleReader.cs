using System;
using System.Collections.Generic;
using System.Text.Json;

namespace KooPhone.Emulator.BlobProxy;

/// <summary>
/// Reads the blob proxy's fault rules from JSON, strictly: an unknown field or a value of the
/// wrong type is an error, so a test whose fault would never strike fails at once.
/// </summary>
public static class BlobFaultRuleReader
{
    /// <summary>Reads a JSON array of rules, or answers what is wrong with it.</summary>
    public static string? TryReadList(JsonElement root, out List<BlobFaultRule> rules)
    {
        rules = new List<BlobFaultRule>();
        if (root.ValueKind != JsonValueKind.Array)
        {
            return "body must be a JSON array of blob fault rules (an empty array clears them)";
        }

        int index = 0;
        foreach (JsonElement item in root.EnumerateArray())
        {
            string? error = TryRead(item, out BlobFaultRule? rule);
            if (error is not null)
            {
                return $"rule {index}: {error}";
            }

            rules.Add(rule!);
            index++;
        }

        return null;
    }

    private static string? TryRead(JsonElement element, out BlobFaultRule? rule)
    {
        rule = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return "a blob fault rule must be a JSON object";
        }

        BlobFaultKind? kind = null;
        string? method = null, query = null;
        int? nth = null, status = null;
        foreach (JsonProperty property in element.EnumerateObject())
        {
            JsonElement value = property.Value;
            string? error = property.Name switch
            {
                "kind" => ReadKind(value, out kind),
                "method" => ReadText("method", value, out method),
                "query" => ReadText("query", value, out query),
                "nth" => ReadInt("nth", value, out nth),
                "status" => ReadInt("status", value, out status),

                // The counters GET adds, so its answer can be posted back as is.
                "matched" or "struck" => null,
                _ => $"unknown field '{property.Name}'; supported: kind, method, query, nth, status",
            };

            if (error is not null)
            {
                return error;
            }
        }

        if (kind is null)
        {
            return $"'kind' is required: {string.Join(", ", BlobFaultRule.KindNames)}";
        }

        if ((kind == BlobFaultKind.Status) != status.HasValue)
        {
            return "'status' is required for kind status, and allowed only there";
        }

        if (status is not null and not (500 or 503))
        {
            return $"'status' must be 500 or 503, got {status}";
        }

        rule = new BlobFaultRule { Kind = kind.Value, Method = method, Query = query, Nth = nth, Status = status };
        return null;
    }

    private static string? ReadKind(JsonElement value, out BlobFaultKind? kind)
    {
        kind = null;
        int index = value.ValueKind == JsonValueKind.String ? Array.IndexOf(BlobFaultRule.KindNames, value.GetString()) : -1;
        if (index < 0)
        {
            return $"'kind' must be one of {string.Join(", ", BlobFaultRule.KindNames)}";
        }

        kind = (BlobFaultKind)index;
        return null;
    }

    private static string? ReadText(string name, JsonElement value, out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return string.IsNullOrEmpty(text) ? $"'{name}' must be a non-empty string" : null;
    }

    private static string? ReadInt(string name, JsonElement value, out int? result)
    {
        result = null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number) || number < 1)
        {
            return $"'{name}' must be a positive integer";
        }

        result = number;
        return null;
    }
}
