using KooPhone.Emulator.Api;
using KooPhone.Emulator.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Admin;

/// <summary>
/// Turns a /v1 request into its request-log entry, exactly once. Normally that happens as the
/// response starts, so a client never holds an answer whose request the log does not show yet;
/// a request never answered is recorded when its pipeline ends, or (a hang fault) as soon as it
/// starts hanging, so a test can see it arrived.
/// </summary>
public sealed class RequestRecorder
{
    private readonly RequestLog log;

    /// <summary>Creates a recorder appending to <paramref name="log"/>.</summary>
    public RequestRecorder(RequestLog log) => this.log = log;

    /// <summary>Appends the request's entry unless it already has one.</summary>
    public void Record(HttpContext httpContext)
    {
        ApiRequestContext context = ApiRequestContext.For(httpContext);
        if (context.Recorded)
        {
            return;
        }

        context.Recorded = true;
        HttpRequest request = httpContext.Request;
        log.Append(new RequestLogEntry(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.Value ?? string.Empty,
            context.ReceivedRequestId,
            context.InstanceIds ?? PathInstanceId(httpContext),
            AnsweredStatus(httpContext, context),
            context.ErrorCode,
            request.Headers.ContainsKey(TokenVerifier.HeaderName),
            GatewayCredentialVerifier.SchemeOf(request),
            context.Fault,
            context.ReceivedAt,
            context.InFlightOnArrival,
            request.Headers.UserAgent.Count == 0 ? null : request.Headers.UserAgent.ToString(),
            context.BodyFields));
    }

    // ExecuteInstanceAuthToken and ListInstanceApp name their instance in the path, not the body.
    private static string?[]? PathInstanceId(HttpContext httpContext) =>
        httpContext.GetRouteValue("instance_id") is string id ? new string?[] { id } : null;

    // 0 says "no answer": a drop or hang fault, or a client that left before the response began.
    private static int AnsweredStatus(HttpContext httpContext, ApiRequestContext context) =>
        context.NoResponse || (httpContext.RequestAborted.IsCancellationRequested && !httpContext.Response.HasStarted)
            ? 0
            : httpContext.Response.StatusCode;
}
