using System;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// Fault rules for IAM's endpoints (<see cref="FaultRuleReader.IamPaths"/>): only a rule whose
/// path names one of them fires there, and it answers in IAM's place with an error body
/// (FaultRuleReader allows no other kind). IAM has no latency and no concurrency limit here.
/// </summary>
public sealed class IamFaultMiddleware
{
    private readonly RequestDelegate next;
    private readonly FaultInjector faults;
    private readonly FaultResponder responder;

    public IamFaultMiddleware(RequestDelegate next, FaultInjector faults, FaultResponder responder)
    {
        this.next = next;
        this.faults = faults;
        this.responder = responder;
    }

    /// <summary>Answers the request as the first rule that fires says, or passes it on.</summary>
    public Task InvokeAsync(HttpContext httpContext)
    {
        FaultRule? rule = faults.Decide(httpContext.Request.Method, httpContext.Request.Path).Rule;
        if (rule is null)
        {
            return next(httpContext);
        }

        ApiRequestContext request = ApiRequestContext.For(httpContext);
        request.Fault = FaultKindNames.ToName(rule.Kind);
        // The token endpoint resolves no request id of its own; a gateway body still carries one.
        if (request.RequestId.Length == 0)
        {
            string? sent = httpContext.Request.Headers[RequestIdMiddleware.RequestIdName].ToString();
            request.RequestId = string.IsNullOrWhiteSpace(sent) ? Guid.NewGuid().ToString() : sent;
        }

        return responder.ApplyAsync(httpContext, rule);
    }
}
