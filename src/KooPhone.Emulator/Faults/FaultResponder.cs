using System;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Emulator.Admin;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace KooPhone.Emulator.Faults;

/// <summary>Answers a request the way a fault rule says, instead of running its operation.</summary>
public sealed class FaultResponder
{
    /// <summary>How long a hang lasts at most before the connection is closed.</summary>
    public static readonly TimeSpan MaxHang = TimeSpan.FromSeconds(300);

    /// <summary>How long after its first bytes a cut body ends: time for the transport to put them on the wire.</summary>
    public static readonly TimeSpan CutDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a cut connection waits at most for its client to go away before it is aborted.</summary>
    public static readonly TimeSpan MaxCutLinger = TimeSpan.FromSeconds(10);

    private readonly RequestRecorder recorder;
    private readonly IHostApplicationLifetime lifetime;

    /// <summary>Creates the responder.</summary>
    public FaultResponder(RequestRecorder recorder, IHostApplicationLifetime lifetime)
    {
        this.recorder = recorder;
        this.lifetime = lifetime;
    }

    /// <summary>Applies <paramref name="rule"/> (any kind but latency and missingjobs) to the request, whose response has not started.</summary>
    public Task ApplyAsync(HttpContext httpContext, FaultRule rule)
    {
        ApiRequestContext request = ApiRequestContext.For(httpContext);
        if (rule.RetryAfter is not null)
        {
            httpContext.Response.Headers.RetryAfter = rule.RetryAfter;
        }

        switch (rule.Kind)
        {
            case FaultKind.Status:
                return StatusResult(rule.Status!.Value, request.RequestId).ExecuteAsync(httpContext);
            case FaultKind.Iam:
                return WriteRawAsync(httpContext, StatusCodes.Status403Forbidden, "application/json; charset=utf-8", FaultBodies.Iam, null);
            case FaultKind.Html:
                return WriteRawAsync(httpContext, StatusCodes.Status502BadGateway, "text/html; charset=utf-8", FaultBodies.Html, null);
            case FaultKind.Shape:
                ShapedAnswer shaped = ErrorShapes.For(rule.Shape!, httpContext.Request.Method, httpContext.Request.Path.Value ?? string.Empty, request.RequestId);
                return WriteRawAsync(httpContext, shaped.Status, shaped.ContentType, shaped.Body, shaped.ErrorCode);
            case FaultKind.Garbage:
                return WriteRawAsync(httpContext, StatusCodes.Status200OK, "application/json; charset=utf-8", FaultBodies.Garbage, null);
            case FaultKind.NoData:
                return WriteRawAsync(httpContext, StatusCodes.Status200OK, "application/json; charset=utf-8", FaultBodies.NoData, ApiErrorCodes.Ok);
            case FaultKind.WrongType:
                return WriteRawAsync(httpContext, StatusCodes.Status200OK, "application/json; charset=utf-8", FaultBodies.WrongType, ApiErrorCodes.Ok);
            case FaultKind.Busy:
                return WriteRawAsync(httpContext, StatusCodes.Status200OK, "application/json; charset=utf-8", FaultBodies.Busy, null);
            case FaultKind.NullData:
                return WriteRawAsync(httpContext, StatusCodes.Status200OK, "application/json; charset=utf-8", FaultBodies.NullData, ApiErrorCodes.Ok);
            case FaultKind.EmptyData:
                return WriteRawAsync(httpContext, StatusCodes.Status200OK, "application/json; charset=utf-8", FaultBodies.EmptyData, ApiErrorCodes.Ok);
            case FaultKind.WrongShape:
                return WriteRawAsync(httpContext, StatusCodes.Status200OK, "application/json; charset=utf-8", FaultBodies.WrongShape, ApiErrorCodes.Ok);
            case FaultKind.EmptyCode:
                return WriteRawAsync(httpContext, StatusCodes.Status200OK, "application/json; charset=utf-8", FaultBodies.EmptyCode, string.Empty);
            case FaultKind.CodeZero:
                return WriteRawAsync(httpContext, StatusCodes.Status200OK, "application/json; charset=utf-8", FaultBodies.CodeZero, null);
            case FaultKind.Drop:
                request.NoResponse = true;
                httpContext.Abort();
                return Task.CompletedTask;
            case FaultKind.Hang:
                return HangAsync(httpContext, request);
            case FaultKind.Stall:
                return PartAsync(httpContext, request, stall: true);
            case FaultKind.Cut:
                return PartAsync(httpContext, request, stall: false);
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "latency and missingjobs are not answered by the responder");
        }
    }

    // The gateway's own failures carry request_id (docs/api-reference.md §6.1); a 500 comes from KooPhone itself.
    private static KooPhoneJsonResult StatusResult(int status, string requestId) => status switch
    {
        StatusCodes.Status429TooManyRequests => ApiResults.Throttled(requestId),
        StatusCodes.Status500InternalServerError => ApiResults.InternalError(),
        StatusCodes.Status502BadGateway => ApiResults.GatewayError(status, ApiErrorCodes.GatewayRequestFailed,
            "Bad gateway: the backend service returned an invalid response", requestId),
        StatusCodes.Status503ServiceUnavailable => ApiResults.GatewayError(status, ApiErrorCodes.GatewayRequestFailed,
            "Service unavailable: the backend service is temporarily unavailable", requestId),
        StatusCodes.Status504GatewayTimeout => ApiResults.GatewayError(status, ApiErrorCodes.GatewayRequestFailed,
            "backend timeout", requestId),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unsupported fault status"),
    };

    private static Task WriteRawAsync(HttpContext httpContext, int status, string contentType, string body, string? errorCode)
    {
        ApiRequestContext.For(httpContext).ErrorCode = errorCode;
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        HttpResponse response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, 0, bytes.Length, httpContext.RequestAborted);
    }

    // The status line, the headers (a Content-Length for the whole body) and the body's first bytes go
    // out; the rest never does. A client that reads the body must give up on it by its own clock
    // (stall) or see the connection close mid-body (cut). Recorded as the headers go out, before waiting.
    private async Task PartAsync(HttpContext httpContext, ApiRequestContext request, bool stall)
    {
        byte[] whole = Encoding.UTF8.GetBytes(FaultBodies.Whole);
        // Set before the first byte goes out: the request log records the request as its response
        // starts, and this one is never answered whole.
        request.NoResponse = true;
        HttpResponse response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = whole.Length;
        await response.Body.WriteAsync(whole.AsMemory(0, FaultBodies.PartLength), httpContext.RequestAborted).ConfigureAwait(false);
        await response.Body.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        if (!stall)
        {
            // An orderly close (FIN) after the bytes sent, so the client reads them and then the end of
            // the stream mid-body. Abort alone may reset the connection (RST), and a reset can discard
            // what the client had not read yet: the cut would then look like a drop. A flush only hands
            // the bytes to Kestrel's transport, which writes them to the socket a moment later; the
            // close waits that moment (real time, as the hang's does). The connection is aborted once
            // the client has gone away (it closes on reading the early end).
            if (await Pause.ForAsync(CutDelay, httpContext.RequestAborted).ConfigureAwait(false))
            {
                httpContext.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Send);
            }
        }

        await AbortAfterAsync(httpContext, stall ? MaxHang : MaxCutLinger).ConfigureAwait(false);
    }

    // Recorded before waiting, so tests can see the request arrived. The wait also ends when the
    // emulator shuts down, so a hanging request never holds up POST /_emulator/shutdown.
    private async Task HangAsync(HttpContext httpContext, ApiRequestContext request)
    {
        request.NoResponse = true;
        recorder.Record(httpContext);
        await AbortAfterAsync(httpContext, MaxHang).ConfigureAwait(false);
    }

    // Holds the connection until the client goes away, the emulator stops, or longest has passed.
    private async Task AbortAfterAsync(HttpContext httpContext, TimeSpan longest)
    {
        using var until = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, lifetime.ApplicationStopping);
        await Pause.ForAsync(longest, until.Token).ConfigureAwait(false);
        httpContext.Abort();
    }
}
