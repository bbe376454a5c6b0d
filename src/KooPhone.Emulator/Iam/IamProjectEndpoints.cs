using System;
using System.Linq;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using KooPhone.Emulator.Auth;
using KooPhone.Emulator.Auth.Signing;
using KooPhone.Emulator.Iam.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Iam;

/// <summary>
/// IAM's project listing, GET /v3/projects[?name=…], which Huawei's SDKs call to find the project
/// of a region when AK/SK credentials come without a project id. Only AK/SK signatures are
/// accepted, verified like a /v1 request's but without X-Project-Id, which the caller is looking
/// for; a refusal has the gateway's shape (401 APIGW.0301 with request_id), as IAM sits behind the
/// same gateway. Unlike the token endpoint, it is in the request log (docs/emulator.md).
/// </summary>
public static class IamProjectEndpoints
{
    /// <summary>The listing's path.</summary>
    public const string ProjectsPath = "/v3/projects";

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder routes) => routes.MapGet(ProjectsPath, ListAsync);

    private static async Task<IResult> ListAsync(HttpContext httpContext, IamAccount account, SignatureVerifier signatures)
    {
        ApiRequestContext request = ApiRequestContext.For(httpContext);
        if (!SdkAuthorization.IsSignature(httpContext.Request.Headers.Authorization.ToString()))
        {
            return ApiResults.GatewayError(StatusCodes.Status401Unauthorized, ApiErrorCodes.AuthenticationFailed,
                "Incorrect IAM authentication information: the request is not signed with an access key", request.RequestId);
        }

        AuthenticationOutcome outcome = await signatures.AuthenticateAsync(httpContext, projectRequired: false).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return ApiResults.GatewayError(StatusCodes.Status401Unauthorized, outcome.ErrorCode, outcome.ErrorMessage, request.RequestId);
        }

        string? name = httpContext.Request.Query["name"].FirstOrDefault();
        var projects = account.Projects
            .Where(p => name is null || string.Equals(p.Name, name, StringComparison.Ordinal))
            .Select(p => new IamProjectItem(p.Id, p.Name, account.DomainId, account.DomainId, string.Empty, true, false))
            .ToArray();
        string self = httpContext.Request.Scheme + "://" + httpContext.Request.Host + ProjectsPath + httpContext.Request.QueryString;
        return Results.Json(new IamProjectListing(projects, new IamLinks(self, null, null)), ApiJson.Options, "application/json; charset=utf-8", StatusCodes.Status200OK);
    }
}
