using KooPhone.Emulator.Api.Contracts;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Api;

/// <summary>Factories for the response shapes of docs/api-reference.md §2.3 and §6.</summary>
public static class ApiResults
{
    /// <summary>HTTP 200 {"error_code":"0","error_msg":"ok","data":…}; data omitted when null.</summary>
    public static KooPhoneJsonResult Success(object? data) =>
        new(StatusCodes.Status200OK, ApiErrorCodes.Ok, new ApiEnvelope(ApiErrorCodes.Ok, "ok", data));

    /// <summary>DeleteInstance's success body exactly as its doc example: {"data":null,"error_code":"0","error_msg":"OK"}.</summary>
    public static KooPhoneJsonResult Deleted() =>
        new(StatusCodes.Status200OK, ApiErrorCodes.Ok, new DeletedEnvelope());

    /// <summary>An error envelope: error_code and error_msg only.</summary>
    public static KooPhoneJsonResult Error(int httpStatus, string errorCode, string message) =>
        new(httpStatus, errorCode, new ApiEnvelope(errorCode, message, null));

    /// <summary>A business error: the current error table lists these under HTTP 200 (docs/api-reference.md §2.4).</summary>
    public static KooPhoneJsonResult BusinessError(string errorCode, string message) =>
        Error(StatusCodes.Status200OK, errorCode, message);

    /// <summary>HTTP 400 KOOPHONE.API.1000 with the rule that failed.</summary>
    public static KooPhoneJsonResult InvalidParameter(string message) =>
        Error(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidParameter, message);

    /// <summary>ListInstances' success body, whose error_code sits inside data.</summary>
    public static KooPhoneJsonResult ListInstances(ListInstancesData data) =>
        new(StatusCodes.Status200OK, ApiErrorCodes.Ok, new ListInstancesEnvelope(data));

    /// <summary>A gateway error carrying request_id (e.g. HTTP 401 APIGW.0301).</summary>
    public static KooPhoneJsonResult GatewayError(int httpStatus, string errorCode, string message, string requestId) =>
        new(httpStatus, errorCode, new GatewayErrorBody(errorCode, message, requestId));

    /// <summary>HTTP 429 APIGW.0308: the gateway's throttling (the caller adds Retry-After).</summary>
    public static KooPhoneJsonResult Throttled(string requestId) =>
        GatewayError(StatusCodes.Status429TooManyRequests, ApiErrorCodes.Throttled, "The throttling threshold has been reached", requestId);

    /// <summary>HTTP 500 KOOPHONE.API.9999.</summary>
    public static KooPhoneJsonResult InternalError() =>
        Error(StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalError, "internal service error");

    /// <summary>HTTP 404 APIGW.0101: unknown path or method.</summary>
    public static KooPhoneJsonResult ApiNotFound() =>
        Error(StatusCodes.Status404NotFound, ApiErrorCodes.ApiNotFound, "The API does not exist or has not been published");
}
