using System.Text.Json.Serialization;

namespace KooPhone.Emulator.BlobProxy;

/// <summary>How a faulted blob request fails, as the network and the real service fail.</summary>
public enum BlobFaultKind
{
    /// <summary>The connection is aborted before the request is forwarded: nothing was carried out.</summary>
    Before,

    /// <summary>The request is forwarded and carried out, then the connection is aborted: the answer is lost.</summary>
    Lost,

    /// <summary>The request is forwarded and carried out, then answered with a server error instead.</summary>
    Status,
}

/// <summary>
/// One fault of the blob proxy: which requests it matches (method, a fragment of the query such
/// as comp=appendblock) and which match it strikes (the nth, or every one).
/// </summary>
public sealed record BlobFaultRule
{
    /// <summary>The names of the kinds, as the admin API reads and writes them.</summary>
    public static readonly string[] KindNames = { "before", "lost", "status" };

    /// <summary>What happens to a struck request.</summary>
    [JsonIgnore]
    public BlobFaultKind Kind { get; init; }

    /// <summary>The kind's name.</summary>
    [JsonPropertyName("kind")]
    public string KindName => KindNames[(int)Kind];

    /// <summary>The HTTP method a request must have (any case), or null for any.</summary>
    [JsonPropertyName("method")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Method { get; init; }

    /// <summary>Text the request's query must contain (ignoring case), or null for any query.</summary>
    [JsonPropertyName("query")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Query { get; init; }

    /// <summary>Strikes only the nth matching request (counted from 1), or every one when null.</summary>
    [JsonPropertyName("nth")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Nth { get; init; }

    /// <summary>For kind status: 500 or 503.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Status { get; init; }
}
