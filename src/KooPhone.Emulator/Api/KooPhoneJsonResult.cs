using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Writes a KooPhone JSON body and records its error_code for the request log, so every
/// response path (endpoints and middleware alike) is logged the same way.
/// </summary>
public sealed class KooPhoneJsonResult : IResult, IStatusCodeHttpResult
{
    private readonly object body;

    public KooPhoneJsonResult(int statusCode, string errorCode, object body)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        this.body = body;
    }

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>The body's error_code ("0" on success).</summary>
    public string ErrorCode { get; }

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ApiRequestContext.For(httpContext).ErrorCode = ErrorCode;
        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ApiJson.Options);
        HttpResponse response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, 0, bytes.Length, httpContext.RequestAborted);
    }
}
