using System.Net.Http;

namespace KooPhone.Client.Auth
{
    /// <summary>An authenticator that can fetch a new token when the service refuses the one it sent.</summary>
    internal interface IRenewableAuthenticator
    {
        /// <summary>
        /// Forgets the token this request carried, unless another request renewed it meanwhile,
        /// so the next attempt gets a fresh one.
        /// </summary>
        void Invalidate(HttpRequestMessage refusedRequest);
    }
}
