using System;
using System.Text;
using System.Threading.Tasks;
using KooPhone.Emulator.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace KooPhone.Emulator.Auth;

/// <summary>
/// Accepts requests whose X-Auth-Token header is one of the --token values that has not been
/// revoked, or a token the IAM endpoint issued that has neither expired nor been revoked.
/// </summary>
public sealed class TokenVerifier : ICredentialVerifier
{
    /// <summary>The header carrying an IAM token (docs/api-reference.md §2.2); header names are case-insensitive.</summary>
    public const string HeaderName = "X-Auth-Token";

    private static readonly AuthenticationOutcome Invalid = AuthenticationOutcome.Failure(
        ApiErrorCodes.AuthenticationFailed, "Incorrect IAM authentication information: token invalid");

    // What IAM reports for an expired token (docs/api-reference.md §7.1), so a client can tell "renew" from "wrong".
    private static readonly AuthenticationOutcome Expired = AuthenticationOutcome.Failure(
        ApiErrorCodes.AuthenticationFailed, "The token must be updated.");

    private readonly StaticTokenSet staticTokens;
    private readonly IssuedTokenStore issued;
    private readonly TimeProvider time;

    /// <summary>Creates an authenticator for the --token values and the issued tokens.</summary>
    public TokenVerifier(StaticTokenSet staticTokens, IssuedTokenStore issued, TimeProvider time)
    {
        this.staticTokens = staticTokens;
        this.issued = issued;
        this.time = time;
    }

    /// <inheritdoc />
    public ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context) =>
        ValueTask.FromResult(Verify(context.Request.Headers[HeaderName]));

    /// <summary>Whether the one value of a token header is a token the emulator accepts now.</summary>
    public AuthenticationOutcome Verify(StringValues values)
    {
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Invalid;
        }

        // Constant-time comparison: good hygiene for secrets even in an emulator.
        string token = values[0]!;
        if (staticTokens.Accepts(Encoding.UTF8.GetBytes(token)))
        {
            return AuthenticationOutcome.Success;
        }

        return issued.Check(token, time.GetUtcNow()) switch
        {
            IssuedTokenStatus.Active => AuthenticationOutcome.Success,
            IssuedTokenStatus.Expired => Expired,
            _ => Invalid,
        };
    }
}
