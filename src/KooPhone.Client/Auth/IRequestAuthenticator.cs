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
    internal interface IRequestAuthenticator : IDisposable
    {
        AuthenticationMode Mode { get; }

        /// <summary>Who the credentials belong to (domain\user, or the access key id); never a secret. Null for a bare token.</summary>
        string? Account { get; }

        /// <summary>The project the credentials act in, where they say.</summary>
        string? ProjectId { get; }

        Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);
    }
}
