using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// What the faults that strike after the operation share (AfterPhaseRunner, MissingJobsRunner):
/// the operation is carried out with its answer held in memory, and the rule's after-delay passes
/// before anything of it reaches the client.
/// </summary>
public static class HeldAnswer
{
    /// <summary>Runs <paramref name="next"/> with the answer's body held in memory, and returns that body.</summary>
    public static async Task<byte[]> CarryOutAsync(HttpContext httpContext, RequestDelegate next)
    {
        HttpResponse response = httpContext.Response;
        Stream original = response.Body;
        using var held = new MemoryStream();
        response.Body = held;
        try
        {
            await next(httpContext).ConfigureAwait(false);
        }
        finally
        {
            response.Body = original;
        }

        return held.ToArray();
    }

    /// <summary>
    /// Waits <paramref name="delayMs"/>. False when the client gave up waiting (or the emulator
    /// stops) meanwhile: the work is done all the same, and the request is logged as unanswered.
    /// </summary>
    public static async Task<bool> DelayAsync(HttpContext httpContext, int delayMs, IHostApplicationLifetime lifetime)
    {
        if (delayMs <= 0)
        {
            return true;
        }

        using var until = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, lifetime.ApplicationStopping);
        if (await Pause.ForAsync(TimeSpan.FromMilliseconds(delayMs), until.Token).ConfigureAwait(false))
        {
            return true;
        }

        ApiRequestContext.For(httpContext).NoResponse = true;
        return false;
    }
}
