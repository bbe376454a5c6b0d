using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Emulator.Admin;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace KooPhone.Emulator.Faults;

/// <summary>Answers a request the way a fault rule says, instead of running its operation.</summary>
public sealed class FaultResponder
{
    /// <summary>How long a hang lasts at most before the connection is closed.</summary>
    public static readonly TimeSpan MaxHang = TimeSpan.FromSeconds(300);

    private readonly RequestRecorder recorder;
    private readonly IHostApplicationLifetime lifetime;

    /// <summary>Creates the responder.</summary>
    public FaultResponder(RequestRecorder recorder, IHostApplicationLifetime lifetime)
    {
        this.recorder = recorder;
        this.lifetime = lifetime;
    }

    /// <summary>Applies <paramref name="rule"/> (any kind but latency) to the request, whose response has not started.</summary>
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
            case FaultKind.Drop:
                request.NoResponse = true;
                httpContext.Abort();
                return Task.CompletedTask;
            case FaultKind.Hang:
                return HangAsync(httpContext, request);
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "latency is not answered by the responder");
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

    // Recorded before waiting, so tests can see the request arrived. The wait also ends when the
    // emulator shuts down, so a hanging request never holds up POST /_emulator/shutdown.
    private async Task HangAsync(HttpContext httpContext, ApiRequestContext request)
    {
        request.NoResponse = true;
        recorder.Record(httpContext);
        using var until = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, lifetime.ApplicationStopping);
        await Pause.ForAsync(MaxHang, until.Token).ConfigureAwait(false);
        httpContext.Abort();
    }
}
