using System.Threading.Tasks;
using KooPhone.Emulator.Auth.Signing;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Auth;

/// <summary>
/// Picks the scheme the way the gateway does: a request whose Authorization header is an
/// SDK-HMAC-SHA256 signature is verified as one (even if it also carries X-Auth-Token);
/// any other request must carry a valid X-Auth-Token.
/// </summary>
public sealed class GatewayCredentialVerifier : ICredentialVerifier
{
    /// <summary>The request-log name of the signature scheme.</summary>
    public const string SignatureScheme = "signature";

    /// <summary>The request-log name of the token scheme.</summary>
    public const string TokenScheme = "token";

    private readonly TokenVerifier tokens;
    private readonly SignatureVerifier signatures;

    /// <summary>Creates the dispatcher.</summary>
    public GatewayCredentialVerifier(TokenVerifier tokens, SignatureVerifier signatures)
    {
        this.tokens = tokens;
        this.signatures = signatures;
    }

    /// <summary>Which credential a request presents: "signature", "token" or null (for the request log).</summary>
    public static string? SchemeOf(HttpRequest request)
    {
        if (SdkAuthorization.IsSignature(request.Headers.Authorization.ToString()))
        {
            return SignatureScheme;
        }

        return request.Headers.ContainsKey(TokenVerifier.HeaderName) ? TokenScheme : null;
    }

    /// <inheritdoc />
    public ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context) =>
        SdkAuthorization.IsSignature(context.Request.Headers.Authorization.ToString())
            ? signatures.AuthenticateAsync(context)
            : tokens.AuthenticateAsync(context);
}
