using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Auth;

/// <summary>
/// Decides whether a /v1 request is authenticated. The gateway middleware depends only on this;
/// <see cref="GatewayCredentialVerifier"/> dispatches to the token or the AK/SK signature check.
/// Async because a signature check reads the body.
/// </summary>
public interface ICredentialVerifier
{
    /// <summary>Authenticates <paramref name="context"/>'s request.</summary>
    ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context);
}
