using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Admin;

/// <summary>
/// One /v1 request as the admin request log reports it. It deliberately holds no header values:
/// tokens, signatures and keys are secrets, so only which kind of credential came is kept.
/// </summary>
public sealed class RequestLogEntry
{
    /// <summary>Creates an entry; the sequence number is assigned when it is appended.</summary>
    public RequestLogEntry(
        string method, string path, string query, string? requestId, IReadOnlyList<string?>? instanceIds,
        int status, string? errorCode, bool authTokenPresent, string? auth, string? fault, DateTimeOffset receivedAt, int inFlight,
        string? userAgent = null, IReadOnlyList<string>? bodyFields = null)
    {
        UserAgent = userAgent;
        BodyFields = bodyFields;
        Method = method;
        Path = path;
        Query = query;
        RequestId = requestId;
        InstanceIds = instanceIds;
        Status = status;
        ErrorCode = errorCode;
        AuthTokenPresent = authTokenPresent;
        Auth = auth;
        Fault = fault;
        ReceivedAt = receivedAt;
        InFlight = inFlight;
    }

    /// <summary>Increasing over the process lifetime (not reset by clearing the log).</summary>
    [JsonPropertyName("sequence")] public long Sequence { get; internal set; }

    [JsonPropertyName("method")] public string Method { get; }

    [JsonPropertyName("path")] public string Path { get; }

    /// <summary>Query string including the leading '?', or empty.</summary>
    [JsonPropertyName("query")] public string Query { get; }

    /// <summary>The x-request-id the client sent (header, or query for ListInstances), or null.</summary>
    [JsonPropertyName("requestId")] public string? RequestId { get; }

    /// <summary>The instance IDs the body or path names (non-strings as null), or null when it names none.</summary>
    [JsonPropertyName("instanceIds")] public IReadOnlyList<string?>? InstanceIds { get; }

    /// <summary>The names of the JSON body's members, never their values (see RequestBodyFields), or null without one.</summary>
    [JsonPropertyName("bodyFields")] public IReadOnlyList<string>? BodyFields { get; }

    /// <summary>HTTP status of the response; 0 when none was sent (drop, hang, client gone).</summary>
    [JsonPropertyName("status")] public int Status { get; }

    /// <summary>error_code of the response body ("0" on success), or null if none was written.</summary>
    [JsonPropertyName("errorCode")] public string? ErrorCode { get; }

    /// <summary>Whether an X-Auth-Token header was present (never its value).</summary>
    [JsonPropertyName("authTokenPresent")] public bool AuthTokenPresent { get; }

    /// <summary>The credential the request presented: "signature" (AK/SK), "token", or null.</summary>
    [JsonPropertyName("auth")] public string? Auth { get; }

    /// <summary>The injected fault's name (a rule kind or "maxConcurrency"), or null.</summary>
    [JsonPropertyName("fault")] public string? Fault { get; }

    /// <summary>When the request arrived (UTC).</summary>
    [JsonPropertyName("receivedAt")] public DateTimeOffset ReceivedAt { get; }

    /// <summary>The User-Agent header as sent, or null: it names the client, never a credential.</summary>
    [JsonPropertyName("userAgent")] public string? UserAgent { get; }

    /// <summary>How many /v1 requests were in flight when this one arrived, itself and refused ones included.</summary>
    [JsonPropertyName("inFlight")] public int InFlight { get; }
}
