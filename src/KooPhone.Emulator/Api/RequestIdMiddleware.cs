using System;
using System.Threading.Tasks;
using KooPhone.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Resolves a /v1 request's ID first of all, so that every answer, even a fault or a 404,
/// echoes it in X-Request-Id: the client's x-request-id, or a fresh UUID when it sent none.
/// Whether the ID is required is the gateway's business (<see cref="ApiGatewayMiddleware"/>).
/// </summary>
public sealed class RequestIdMiddleware
{
    /// <summary>The request ID header (and, for ListInstances, query parameter).</summary>
    public const string RequestIdName = "x-request-id";

    private readonly RequestDelegate next;
    private readonly RunTimeOptions options;

    public RequestIdMiddleware(RequestDelegate next, RunTimeOptions options)
    {
        this.next = next;
        this.options = options;
    }

    /// <summary>Stores the ID in the <see cref="ApiRequestContext"/> and the response header.</summary>
    public Task InvokeAsync(HttpContext httpContext)
    {
        ApiRequestContext request = ApiRequestContext.For(httpContext);
        OperationMarker? operation = httpContext.GetEndpoint()?.Metadata.GetMetadata<OperationMarker>();
        request.ReceivedRequestId = ReadRequestId(httpContext.Request, operation?.RequestIdInQuery ?? true);
        // A gateway may answer with an ID of its own (--response-request-id own), so a client
        // must not insist that the answer's ID is the one it sent.
        request.RequestId = options.Current.OwnRequestId ? Guid.NewGuid().ToString() : request.ReceivedRequestId ?? Guid.NewGuid().ToString();
        httpContext.Response.Headers["X-Request-Id"] = request.RequestId;
        return next(httpContext);
    }

    // ListInstances documents x-request-id as a query parameter; accept the header there too.
    private static string? ReadRequestId(HttpRequest request, bool allowQuery)
    {
        if (allowQuery && FirstNonEmpty(request.Query[RequestIdName]) is string fromQuery)
        {
            return fromQuery;
        }

        return FirstNonEmpty(request.Headers[RequestIdName]);
    }

    private static string? FirstNonEmpty(StringValues values) =>
        values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
}
