using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Admin;

/// <summary>
/// What the emulator actually carried out, counted per operation and instance, for tests that
/// must prove no instance was acted on twice (GET /_emulator/actions). Unlike the request log it
/// counts only accepted work, whatever happened to the answer afterwards. Thread-safe.
/// </summary>
public sealed class ActionLog
{
    private readonly ConcurrentDictionary<(string Operation, string? InstanceId), long> counts = new();

    /// <summary>Counts the request's operation once for each instance in <paramref name="instanceIds"/>.</summary>
    public void Record(HttpContext httpContext, IReadOnlyList<string> instanceIds)
    {
        string operation = OperationOf(httpContext);
        foreach (string id in instanceIds)
        {
            counts.AddOrUpdate((operation, id), 1, (_, count) => count + 1);
        }
    }

    /// <summary>Counts the request's operation once with no instance: an order, which names none.</summary>
    public void RecordWithoutInstance(HttpContext httpContext) =>
        counts.AddOrUpdate((OperationOf(httpContext), null), 1, (_, count) => count + 1);

    /// <summary>Every count, by operation and then instance ID (ordinal); the entry without an instance first.</summary>
    public IReadOnlyList<ActionCount> Snapshot()
    {
        var entries = new List<ActionCount>();
        foreach (KeyValuePair<(string Operation, string? InstanceId), long> pair in counts)
        {
            entries.Add(new ActionCount(pair.Key.Operation, pair.Key.InstanceId, pair.Value));
        }

        entries.Sort((a, b) =>
        {
            int byOperation = string.CompareOrdinal(a.Operation, b.Operation);
            return byOperation != 0 ? byOperation : string.CompareOrdinal(a.InstanceId, b.InstanceId);
        });
        return entries;
    }

    /// <summary>Forgets every count.</summary>
    public void Clear() => counts.Clear();

    private static string OperationOf(HttpContext httpContext) =>
        httpContext.GetEndpoint()?.Metadata.GetMetadata<OperationMarker>()?.Name
        ?? throw new InvalidOperationException("only a KooPhone operation's endpoint records actions");
}
