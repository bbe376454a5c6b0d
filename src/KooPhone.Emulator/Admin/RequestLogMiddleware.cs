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
    private readonly InFlightCounter inFlight;
    private readonly TimeProvider time;

    public RequestLogMiddleware(RequestDelegate next, RequestRecorder recorder, InFlightCounter inFlight, TimeProvider time)
    {
        this.next = next;
        this.recorder = recorder;
        this.inFlight = inFlight;
        this.time = time;
    }

    /// <summary>Counts the request in flight, runs the rest of the pipeline, then records the request (even if it threw).</summary>
    public async Task InvokeAsync(HttpContext httpContext)
    {
        ApiRequestContext context = ApiRequestContext.For(httpContext);
        context.ReceivedAt = time.GetUtcNow();
        context.InFlightOnArrival = inFlight.Enter();
        try
        {
            await next(httpContext).ConfigureAwait(false);
        }
        finally
        {
            inFlight.Exit();
            recorder.Record(httpContext);
        }
    }
}
