using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace KooPhone.Emulator.BlobProxy;

/// <summary>One request the blob proxy received: what it forwarded, what the blob service answered and which fault struck it.</summary>
public sealed class BlobProxyLogEntry
{
    /// <summary>Numbered as the entry is appended, when the proxy is done with the request.</summary>
    [JsonPropertyName("sequence")]
    public long Sequence { get; set; }

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>The path, e.g. /devstoreaccount1/journals/run.csv.</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>The query with its leading '?', its SAS signature replaced by REDACTED (<see cref="BlobProxyLog.Redact"/>).</summary>
    [JsonPropertyName("query")]
    public required string Query { get; init; }

    /// <summary>x-ms-client-request-id: the Azure SDK keeps it when it sends a request again, so a resend shows as a repeat.</summary>
    [JsonPropertyName("clientRequestId")]
    public string? ClientRequestId { get; init; }

    /// <summary>x-ms-lease-action (acquire, renew, release, …) of a lease request.</summary>
    [JsonPropertyName("leaseAction")]
    public string? LeaseAction { get; init; }

    /// <summary>The body's length in bytes.</summary>
    [JsonPropertyName("bodyLength")]
    public int BodyLength { get; init; }

    /// <summary>The body's SHA-256, lower-case hex: the same block sent twice has the same hash.</summary>
    [JsonPropertyName("bodySha256")]
    public required string BodySha256 { get; init; }

    /// <summary>The blob service's status, or 0 when the request was not forwarded (a before fault) or could not be.</summary>
    [JsonPropertyName("upstreamStatus")]
    public int UpstreamStatus { get; set; }

    /// <summary>The status the client got, or 0 when its connection was aborted.</summary>
    [JsonPropertyName("status")]
    public int Status { get; set; }

    /// <summary>The kind of the fault that struck, or null.</summary>
    [JsonPropertyName("fault")]
    public string? Fault { get; set; }
}

/// <summary>The blob proxy's log, oldest first, bounded; thread-safe.</summary>
public sealed partial class BlobProxyLog
{
    private const int Limit = 100_000;
    private readonly object gate = new();
    private readonly Queue<BlobProxyLogEntry> entries = new();
    private long lastSequence;

    /// <summary>A query with the value of its sig parameter (the SAS's signature, a secret) replaced by REDACTED.</summary>
    public static string Redact(string query) => Signature().Replace(query, "${name}REDACTED");

    /// <summary>Numbers and appends an entry, dropping the oldest beyond the limit.</summary>
    public void Append(BlobProxyLogEntry entry)
    {
        lock (gate)
        {
            entry.Sequence = ++lastSequence;
            entries.Enqueue(entry);
            while (entries.Count > Limit)
            {
                entries.Dequeue();
            }
        }
    }

    /// <summary>Every entry, oldest first.</summary>
    public BlobProxyLogEntry[] Snapshot()
    {
        lock (gate)
        {
            return entries.ToArray();
        }
    }

    /// <summary>Drops every entry; sequence numbers keep increasing.</summary>
    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    [GeneratedRegex("(?<name>(?:^|[?&])sig=)[^&]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Signature();
}
