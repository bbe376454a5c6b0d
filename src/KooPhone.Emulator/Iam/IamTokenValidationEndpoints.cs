using System;
using KooPhone.Emulator.Auth;
using KooPhone.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KooPhone.Emulator.Iam;

/// <summary>
/// IAM's token validation, GET /v3/auth/tokens (Keystone's; Huawei's IAM SDKs call it
/// KeystoneValidateToken): the token to check in X-Subject-Token, the caller's own in
/// X-Auth-Token. It answers with the body a new token gets, so a client learns the project a token
/// is scoped to. Every token the emulator accepts (a --token value or an issued one) is scoped to
/// the one project (--project-name, --project-id). Like the issuing endpoint it is not part of
/// /v1: no gateway checks, no request log, no fault injection (docs/emulator.md).
/// </summary>
public static class IamTokenValidationEndpoints
{
    private const string SubjectTokenHeader = "X-Subject-Token";

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder routes) => routes.MapGet(IamTokenEndpoints.TokensPath, Validate);

    private static IResult Validate(
        HttpContext httpContext, IamAccount account, TokenVerifier verifier, IssuedTokenStore issued, EmulatorOptions options, TimeProvider time)
    {
        // The caller first, as IAM does: an unknown caller learns nothing about the subject. Any
        // accepted token may validate any other; IAM asks a role for that, which the emulator's
        // one account does not model.
        if (!verifier.Verify(httpContext.Request.Headers[TokenVerifier.HeaderName]).Succeeded)
        {
            return Error(StatusCodes.Status401Unauthorized, "The request you have made requires authentication.", "Unauthorized");
        }

        var subject = httpContext.Request.Headers[SubjectTokenHeader];
        if (!verifier.Verify(subject).Succeeded)
        {
            return Error(StatusCodes.Status404NotFound, "Could not find token.", "Not Found");
        }

        // An issued token keeps its own times; a --token value never expires, so it is reported
        // as lasting --token-lifetime-seconds from now.
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset expiresAt = issued.ExpiryOf(subject[0]!) ?? now + options.TokenLifetime;
        DateTimeOffset issuedAt = expiresAt - options.TokenLifetime;
        httpContext.Response.Headers[SubjectTokenHeader] = subject[0];
        return IamAnswers.Token(account, issuedAt, expiresAt, StatusCodes.Status200OK);
    }

    private static IResult Error(int status, string message, string title) => IamAnswers.Error(status, message, title);
}
