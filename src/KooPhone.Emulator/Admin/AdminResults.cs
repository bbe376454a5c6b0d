using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Admin;

/// <summary>The admin endpoints' answers: JSON, and errors as <c>{"error":"…"}</c>.</summary>
public static class AdminResults
{
    /// <summary>A JSON answer.</summary>
    public static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, ApiJson.Options, "application/json; charset=utf-8", status);

    /// <summary>An error answer naming what is wrong.</summary>
    public static IResult Error(int status, string message) => Json(new { error = message }, status);
}
