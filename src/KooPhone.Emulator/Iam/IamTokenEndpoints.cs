using System;
using System.Text.Json;
using System.Threading.Tasks;
using KooPhone.Emulator.Auth;
using KooPhone.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Iam;

/// <summary>
/// IAM's password token endpoint (docs/api-reference.md §7.1) on the emulator's own host, so the emulator URL
/// also serves as the IAM endpoint. It is not part of /v1: no gateway checks, no request log and
/// no fault injection. A malformed body is a 400, wrong credentials a 401, and a scope other
/// than the configured project a 400 (checked after the credentials, as IAM does).
/// </summary>
public static class IamTokenEndpoints
{
    /// <summary>The token path; the query may carry nocatalog=true, which changes nothing here.</summary>
    public const string TokensPath = "/v3/auth/tokens";

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost(TokensPath, IssueTokenAsync);

    private static async Task<IResult> IssueTokenAsync(
        HttpContext httpContext, IamAccount account, IssuedTokenStore tokens, EmulatorOptions options, TimeProvider time)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(httpContext.Request.Body, default, httpContext.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return BadRequest("the request body is not valid JSON");
        }

        IamTokenRequest? request;
        string? error;
        using (document)
        {
            if (!IamTokenRequestReader.TryRead(document.RootElement, out request, out error))
            {
                return BadRequest(error!);
            }
        }

        if (!account.CredentialsMatch(request!))
        {
            return Error(StatusCodes.Status401Unauthorized, "The username or password is wrong.", "Unauthorized");
        }

        string? scopeProblem = account.ScopeProblem(request!);
        if (scopeProblem is not null)
        {
            return BadRequest(scopeProblem);
        }

        IssuedToken token = tokens.Issue(time.GetUtcNow(), options.TokenLifetime);
        httpContext.Response.Headers["X-Subject-Token"] = token.Value;
        return IamAnswers.Token(account, token.IssuedAt, token.ExpiresAt, StatusCodes.Status201Created);
    }

    private static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message, "Bad Request");

    private static IResult Error(int status, string message, string title) => IamAnswers.Error(status, message, title);
}
