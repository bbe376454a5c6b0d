using System;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using KooPhone.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Admin;

/// <summary>Records every /v1 request in the <see cref="RequestLog"/> once its response is done.</summary>
public sealed class RequestLogMiddleware
{
    private readonly RequestDelegate next;
    private readonly RequestLog log;
    private readonly TimeProvider time;

    /// <summary>Creates the middleware.</summary>
    public RequestLogMiddleware(RequestDelegate next, RequestLog log, TimeProvider time)
    {
        this.next = next;
        this.log = log;
        this.time = time;
    }

    /// <summary>Runs the rest of the pipeline, then appends the entry (even if it threw).</summary>
    public async Task InvokeAsync(HttpContext httpContext)
    {
        DateTimeOffset receivedAt = time.GetUtcNow();
        ApiRequestContext context = ApiRequestContext.For(httpContext);
        try
        {
            await next(httpContext).ConfigureAwait(false);
        }
        finally
        {
            HttpRequest request = httpContext.Request;
            log.Append(new RequestLogEntry(
                request.Method,
                request.Path.Value ?? string.Empty,
                request.QueryString.Value ?? string.Empty,
                context.ReceivedRequestId,
                context.InstanceIds,
                httpContext.Response.StatusCode,
                context.ErrorCode,
                request.Headers.ContainsKey(StaticTokenAuthenticator.HeaderName),
                receivedAt));
        }
    }
}
