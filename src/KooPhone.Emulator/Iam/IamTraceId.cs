using System;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Iam;

/// <summary>
/// IAM answers every request with an X-IAM-Trace-Id of its own, the id its support asks for and
/// Huawei's SDKs quote in their IAM errors; the emulator's IAM endpoints do the same.
/// </summary>
public static class IamTraceId
{
    /// <summary>The header's name.</summary>
    public const string HeaderName = "X-IAM-Trace-Id";

    /// <summary>Gives the answer a fresh trace id, before anything else writes it.</summary>
    public static void Stamp(HttpContext httpContext) => httpContext.Response.Headers[HeaderName] = Guid.NewGuid().ToString("N");
}
