using System;
using System.Threading.Tasks;
using KooPhone.Emulator.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KooPhone.Emulator.Api;

/// <summary>
/// What every /v1 request goes through before its operation runs, like Huawei's API gateway plus
/// KooPhone's common checks: reject unknown APIs (404 APIGW.0101), authenticate (401 APIGW.0301
/// or APIGW.0303), require x-request-id (KOOPHONE.API.0002), and turn unexpected exceptions into
/// 500 KOOPHONE.API.9999. Unknown APIs are rejected before authentication, as a gateway must
/// find an API before it knows how to authenticate it. The request ID has already been resolved
/// by <see cref="RequestIdMiddleware"/>.
/// </summary>
public sealed class ApiGatewayMiddleware
{
    private readonly RequestDelegate next;
    private readonly ICredentialVerifier authenticator;
    private readonly ILogger<ApiGatewayMiddleware> logger;

    public ApiGatewayMiddleware(RequestDelegate next, ICredentialVerifier authenticator, ILogger<ApiGatewayMiddleware> logger)
    {
        this.next = next;
        this.authenticator = authenticator;
        this.logger = logger;
    }

    /// <summary>Runs the checks, then the operation.</summary>
    public async Task InvokeAsync(HttpContext httpContext)
    {
        ApiRequestContext request = ApiRequestContext.For(httpContext);
        OperationMarker? operation = httpContext.GetEndpoint()?.Metadata.GetMetadata<OperationMarker>();
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
            // Only the operation name and exception: never headers, which carry credentials.
            logger.LogError(ex, "{Operation} failed", operation.Name);
            await ApiResults.InternalError().ExecuteAsync(httpContext).ConfigureAwait(false);
        }
    }
}
