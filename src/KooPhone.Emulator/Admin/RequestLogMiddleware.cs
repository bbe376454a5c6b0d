using System;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Admin;

/// <summary>Records every /v1 request in the <see cref="RequestLog"/> once its response is done.</summary>
public sealed class RequestLogMiddleware
{
    private readonly RequestDelegate next;
    private readonly RequestRecorder recorder;
    private readonly TimeProvider time;

    /// <summary>Creates the middleware.</summary>
    public RequestLogMiddleware(RequestDelegate next, RequestRecorder recorder, TimeProvider time)
    {
        this.next = next;
        this.recorder = recorder;
        this.time = time;
    }

    /// <summary>Runs the rest of the pipeline, then records the request (even if it threw).</summary>
    public async Task InvokeAsync(HttpContext httpContext)
    {
        ApiRequestContext.For(httpContext).ReceivedAt = time.GetUtcNow();
        try
        {
            await next(httpContext).ConfigureAwait(false);
        }
        finally
        {
            recorder.Record(httpContext);
        }
    }
}
