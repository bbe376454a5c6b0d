using System;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// Trouble on demand for /v1 requests, applied right after the request ID is resolved and before
/// routing to an API or authentication, so tests can fault any request: the --max-concurrency
/// limit (429), the latency, and the fault rules. A rule in the before phase answers instead of
/// the operation, so the request changes no state; one in the after phase lets the operation run
/// and then delays or replaces its answer (<see cref="AfterPhaseRunner"/>). The missingjobs rule
/// runs the operation in both phases (<see cref="MissingJobsRunner"/>).
/// </summary>
public sealed class FaultInjectionMiddleware
{
    private readonly RequestDelegate next;
    private readonly ConcurrencyLimiter limiter;
    private readonly FaultInjector faults;
    private readonly FaultResponder responder;
    private readonly AfterPhaseRunner afterPhase;
    private readonly MissingJobsRunner missingJobs;
    private readonly IHostApplicationLifetime lifetime;

    public FaultInjectionMiddleware(
        RequestDelegate next, ConcurrencyLimiter limiter, FaultInjector faults, FaultResponder responder, AfterPhaseRunner afterPhase,
        MissingJobsRunner missingJobs, IHostApplicationLifetime lifetime)
    {
        this.next = next;
        this.limiter = limiter;
        this.faults = faults;
        this.responder = responder;
        this.afterPhase = afterPhase;
        this.missingJobs = missingJobs;
        this.lifetime = lifetime;
    }

    /// <summary>Throttles, delays or faults the request, or passes it on untouched.</summary>
    public async Task InvokeAsync(HttpContext httpContext)
    {
        if (!limiter.IsEnabled)
        {
            await InjectAsync(httpContext).ConfigureAwait(false);
            return;
        }

        if (!limiter.TryEnter())
        {
            ApiRequestContext request = ApiRequestContext.For(httpContext);
            request.Fault = FaultKindNames.MaxConcurrency;
            await RequestInstanceIds.RecordAsync(httpContext).ConfigureAwait(false);
            httpContext.Response.Headers.RetryAfter = "1";
            await ApiResults.Throttled(request.RequestId).ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        try
        {
            await InjectAsync(httpContext).ConfigureAwait(false);
        }
        finally
        {
            limiter.Exit();
        }
    }

    private async Task InjectAsync(HttpContext httpContext)
    {
        FaultDecision decision = faults.Decide(httpContext.Request.Method, httpContext.Request.Path);
        if (decision.IsNone)
        {
            await next(httpContext).ConfigureAwait(false);
            return;
        }

        ApiRequestContext request = ApiRequestContext.For(httpContext);
        if (decision.DelayMs > 0 && !await WaitAsync(httpContext, decision.DelayMs).ConfigureAwait(false))
        {
            // The client left (or the emulator is stopping) while the request waited.
            request.NoResponse = true;
            return;
        }

        if (decision.Rule is { Kind: FaultKind.MissingJobs })
        {
            // Carried out in either phase: the phase says whether the instances it leaves out are.
            request.Fault = FaultKindNames.ToName(FaultKind.MissingJobs);
            await missingJobs.RunAsync(httpContext, next, decision).ConfigureAwait(false);
            return;
        }

        if (decision.Rule is null || decision.ActsAfter)
        {
            request.Fault = decision.Rule is not null ? FaultKindNames.ToName(decision.Rule.Kind)
                : decision.LatencyRuleFired ? FaultKindNames.ToName(FaultKind.Latency) : null;
            await (decision.ActsAfter ? afterPhase.RunAsync(httpContext, next, decision) : next(httpContext)).ConfigureAwait(false);
            return;
        }

        request.Fault = FaultKindNames.ToName(decision.Rule.Kind);
        await RequestInstanceIds.RecordAsync(httpContext).ConfigureAwait(false);
        await responder.ApplyAsync(httpContext, decision.Rule).ConfigureAwait(false);
    }

    private async Task<bool> WaitAsync(HttpContext httpContext, int delayMs)
    {
        using var until = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, lifetime.ApplicationStopping);
        return await Pause.ForAsync(TimeSpan.FromMilliseconds(delayMs), until.Token).ConfigureAwait(false);
    }
}
