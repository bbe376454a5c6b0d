using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace KooPhone.Emulator.Auth;

/// <summary>
/// Decides whether a /v1 request is authenticated. The gateway middleware depends only on this,
/// so IAM-issued tokens or AK/SK signature checks can be added as another implementation
/// (or a composite) without touching request handling. Async because signature checks
/// will need to read the body.
/// </summary>
public interface IRequestAuthenticator
{
    /// <summary>Authenticates <paramref name="context"/>'s request.</summary>
    ValueTask<AuthenticationOutcome> AuthenticateAsync(HttpContext context);
}
