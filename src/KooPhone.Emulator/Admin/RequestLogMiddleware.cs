using System;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Admin;

/// <summary>
/// Records every /v1 request in the <see cref="RequestLog"/> as its response starts, or when the
/// pipeline ends for one that never got a response.
/// </summary>
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

    /// <summary>Counts the request in flight, runs the rest of the pipeline, and records the request (even if it threw).</summary>
    public async Task InvokeAsync(HttpContext httpContext)
    {
        ApiRequestContext context = ApiRequestContext.For(httpContext);
        context.ReceivedAt = time.GetUtcNow();
        context.InFlightOnArrival = inFlight.Enter();
        // Recorded before the first byte of the answer goes out: a body with a Content-Length is
        // whole at the client as soon as it is written, before this middleware's finally runs, so a
        // client (a test) that has its answer could otherwise read the log without the request in it.
        httpContext.Response.OnStarting(() =>
        {
            recorder.Record(httpContext);
            return Task.CompletedTask;
        });
        try
        {
            await next(httpContext).ConfigureAwait(false);
        }
        finally
        {
            // Recorded before it leaves the count, so "nothing in flight" means "everything logged".
            recorder.Record(httpContext);
            inFlight.Exit();
        }
    }
}
