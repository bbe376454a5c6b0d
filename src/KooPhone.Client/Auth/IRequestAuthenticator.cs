using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Adds credentials to one HTTP attempt. Called on every attempt (not once per logical
    /// request) so signatures and renewed tokens are always fresh.
    /// </summary>
    public interface IRequestAuthenticator : IDisposable
    {
        AuthenticationMode Mode { get; }

        Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);
    }
}
