using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using KooPhone.Emulator.Api;

namespace KooPhone.Emulator.BlobProxy;

/// <summary>
/// The blob proxy's fault rules and their counters. Every rule whose method and query match
/// counts the request, so each rule's nth sees all matching requests; the first rule that
/// strikes decides what happens to it.
/// </summary>
public sealed class BlobFaultSet
{
    private readonly object gate = new();
    private List<Counted> rules = new();

    /// <summary>Replaces the rules; the counters start at zero.</summary>
    public void Replace(IEnumerable<BlobFaultRule> replacement)
    {
        lock (gate)
        {
            rules = replacement.Select(rule => new Counted(rule)).ToList();
        }
    }

    /// <summary>The rule that strikes a request, or null when none does.</summary>
    public BlobFaultRule? Strike(string method, string query)
    {
        lock (gate)
        {
            BlobFaultRule? struck = null;
            foreach (Counted counted in rules)
            {
                BlobFaultRule rule = counted.Rule;
                if ((rule.Method is not null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase))
                    || (rule.Query is not null && !query.Contains(rule.Query, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                counted.Matched++;
                if (struck is null && (rule.Nth is null || rule.Nth == counted.Matched))
                {
                    counted.Struck++;
                    struck = rule;
                }
            }

            return struck;
        }
    }

    /// <summary>Each rule as the admin API reads it, with its counters: matched and struck.</summary>
    public JsonArray Describe()
    {
        lock (gate)
        {
            var list = new JsonArray();
            foreach (Counted counted in rules)
            {
                JsonObject item = JsonSerializer.SerializeToNode(counted.Rule, ApiJson.Options)!.AsObject();
                item["matched"] = counted.Matched;
                item["struck"] = counted.Struck;
                list.Add(item);
            }

            return list;
        }
    }

    private sealed class Counted(BlobFaultRule rule)
    {
        public BlobFaultRule Rule { get; } = rule;

        public long Matched { get; set; }

        public long Struck { get; set; }
    }
}
