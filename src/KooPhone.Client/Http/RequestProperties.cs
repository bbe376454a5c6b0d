using System.Net.Http;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// Per-request values that the shared handler chain needs. They travel with the request
    /// because one HttpClient serves every cmdlet call of a context, each with its own observer.
    /// </summary>
    internal static class RequestProperties
    {
        private const string ObserverKey = "KooPhone.RequestObserver";

        // HttpRequestMessage.Properties is the only per-request bag netstandard2.0 offers; on
        // .NET 5+ it is backed by HttpRequestMessage.Options, so both runtimes see the same value.
#pragma warning disable CS0618
        public static void SetObserver(HttpRequestMessage request, IRequestObserver? observer)
        {
            if (observer != null)
            {
                request.Properties[ObserverKey] = observer;
            }
        }

        public static IRequestObserver? GetObserver(HttpRequestMessage request) =>
            request.Properties.TryGetValue(ObserverKey, out var value) ? value as IRequestObserver : null;
#pragma warning restore CS0618
    }
}
