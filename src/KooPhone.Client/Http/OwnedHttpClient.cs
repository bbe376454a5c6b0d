using System;
using System.Net.Http;

namespace KooPhone.Client.Http
{
    /// <summary>An HttpClient together with the service provider that owns its handlers.</summary>
    internal sealed class OwnedHttpClient : IDisposable
    {
        private readonly IDisposable _owner;

        public OwnedHttpClient(HttpClient client, IDisposable owner)
        {
            Client = client;
            _owner = owner;
        }

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            _owner.Dispose();
        }
    }
}
