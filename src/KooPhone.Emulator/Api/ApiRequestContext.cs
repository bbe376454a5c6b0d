using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Per-request facts shared by the middleware, the endpoints and the request log, stored as an
/// HttpContext feature so none of them needs to know about the others.
/// </summary>
public sealed class ApiRequestContext
{
    /// <summary>When the request arrived (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>How many /v1 requests were in flight when this one arrived, itself included.</summary>
    public int InFlightOnArrival { get; set; }

    /// <summary>The x-request-id the client sent, or null when it sent none.</summary>
    public string? ReceivedRequestId { get; set; }

    /// <summary>The ID echoed in X-Request-Id: the client's, or a fresh UUID.</summary>
    public string RequestId { get; set; } = string.Empty;

    /// <summary>The error_code of the response (including "0"), once one is written.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The instance IDs the body names, whatever its shape (non-strings as null), for the request log (see <see cref="RequestInstanceIds"/>).</summary>
    public IReadOnlyList<string?>? InstanceIds { get; set; }

    /// <summary>The names of the body's members (see <see cref="RequestBodyFields"/>), for the request log; null without a JSON object body.</summary>
    public IReadOnlyList<string>? BodyFields { get; set; }

    /// <summary>The injected fault's name (e.g. "status", "maxConcurrency"), or null.</summary>
    public string? Fault { get; set; }

    /// <summary>True when the request is deliberately left without an answer (drop, hang).</summary>
    public bool NoResponse { get; set; }

    /// <summary>True once the request log has its entry, so it is never recorded twice.</summary>
    public bool Recorded { get; set; }

    /// <summary>The context of <paramref name="httpContext"/>, created on first use.</summary>
    public static ApiRequestContext For(HttpContext httpContext)
    {
        ApiRequestContext? context = httpContext.Features.Get<ApiRequestContext>();
        if (context is null)
        {
            context = new ApiRequestContext();
            httpContext.Features.Set(context);
        }

        return context;
    }
}
