using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// Carries a request out in full and only then faults it: the operation's answer is held in
/// memory, then delivered late, or thrown away and replaced by the rule's fault (a reset
/// connection, a gateway error, a body that says nothing). The state change stands either way,
/// which is what a client that lost an answer has to cope with.
/// </summary>
public sealed class AfterPhaseRunner
{
    private readonly FaultResponder responder;
    private readonly IHostApplicationLifetime lifetime;

    /// <summary>Creates the runner.</summary>
    public AfterPhaseRunner(FaultResponder responder, IHostApplicationLifetime lifetime)
    {
        this.responder = responder;
        this.lifetime = lifetime;
    }

    /// <summary>Runs <paramref name="next"/>, then applies the after part of <paramref name="decision"/>.</summary>
    public async Task RunAsync(HttpContext httpContext, RequestDelegate next, FaultDecision decision)
    {
        byte[] answer = await HeldAnswer.CarryOutAsync(httpContext, next).ConfigureAwait(false);
        ApiRequestContext request = ApiRequestContext.For(httpContext);
        if (!await HeldAnswer.DelayAsync(httpContext, decision.AfterDelayMs, lifetime).ConfigureAwait(false))
        {
            return;
        }

        HttpResponse response = httpContext.Response;
        if (decision.Rule is { Phase: FaultPhase.After } rule)
        {
            // Forget the real answer entirely: status, headers and error code. Only the request ID
            // is a gateway's, so it stays.
            response.Clear();
            response.Headers["X-Request-Id"] = request.RequestId;
            request.ErrorCode = null;
            await responder.ApplyAsync(httpContext, rule).ConfigureAwait(false);
            return;
        }

        await response.Body.WriteAsync(answer, 0, answer.Length, httpContext.RequestAborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
