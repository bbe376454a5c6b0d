using System;
using System.Threading.Tasks;
using KooPhone.Emulator.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace KooPhone.Emulator.Api;

/// <summary>
/// What every /v1 request goes through before its operation runs, like Huawei's API gateway plus
/// KooPhone's common checks: resolve the request ID (echoed in X-Request-Id on every response),
/// reject unknown APIs (404 APIGW.0101), authenticate (401 APIGW.0301), require x-request-id
/// (KOOPHONE.API.0002), and turn unexpected exceptions into 500 KOOPHONE.API.9999.
/// Unknown APIs are rejected before authentication, as a gateway must find an API before it
/// knows how to authenticate it.
/// </summary>
public sealed class ApiGatewayMiddleware
{
    /// <summary>The request ID header (and, for ListInstances, query parameter).</summary>
    public const string RequestIdName = "x-request-id";

    private readonly RequestDelegate next;
    private readonly IRequestAuthenticator authenticator;
    private readonly ILogger<ApiGatewayMiddleware> logger;

    /// <summary>Creates the middleware.</summary>
    public ApiGatewayMiddleware(RequestDelegate next, IRequestAuthenticator authenticator, ILogger<ApiGatewayMiddleware> logger)
    {
        this.next = next;
        this.authenticator = authenticator;
        this.logger = logger;
    }

    /// <summary>Runs the checks, then the operation.</summary>
    public async Task InvokeAsync(HttpContext httpContext)
    {
        ApiRequestContext request = ApiRequestContext.For(httpContext);
        KooPhoneOperation? operation = httpContext.GetEndpoint()?.Metadata.GetMetadata<KooPhoneOperation>();

        request.ReceivedRequestId = ReadRequestId(httpContext.Request, operation?.RequestIdInQuery ?? true);
        request.RequestId = request.ReceivedRequestId ?? Guid.NewGuid().ToString();
        httpContext.Response.Headers["X-Request-Id"] = request.RequestId;

        if (operation is null)
        {
            await ApiResults.ApiNotFound().ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        AuthenticationOutcome outcome = await authenticator.AuthenticateAsync(httpContext).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            await ApiResults.GatewayError(StatusCodes.Status401Unauthorized, outcome.ErrorCode, outcome.ErrorMessage, request.RequestId)
                .ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        if (request.ReceivedRequestId is null)
        {
            await ApiResults.BusinessError(ApiErrorCodes.MissingRequestId, "missing request header 'x-request-id'")
                .ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(httpContext).ConfigureAwait(false);
        }
        catch (Exception ex) when (!httpContext.Response.HasStarted && !httpContext.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "{Operation} failed", operation.Name);
            await ApiResults.Error(StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalError, "internal service error")
                .ExecuteAsync(httpContext).ConfigureAwait(false);
        }
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
