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
        private const string IdempotentKey = "KooPhone.Idempotent";
        private const string AttemptsKey = "KooPhone.Attempts";
        private const string FailFastKey = "KooPhone.FailFastWhenUnreachable";

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

        /// <summary>Marks a call that is safe to repeat (a read or a harmless repeat), so it may be retried after any failure.</summary>
        public static void SetIdempotent(HttpRequestMessage request, bool idempotent) => request.Properties[IdempotentKey] = idempotent;

        public static bool IsIdempotent(HttpRequestMessage request) =>
            request.Method == HttpMethod.Get || (request.Properties.TryGetValue(IdempotentKey, out var value) && value is bool b && b);

        /// <summary>How many attempts carried the request, for error messages.</summary>
        public static void SetAttempts(HttpRequestMessage request, int attempts) => request.Properties[AttemptsKey] = attempts;

        public static int GetAttempts(HttpRequestMessage request) =>
            request.Properties.TryGetValue(AttemptsKey, out var value) && value is int n ? n : 1;
        /// <summary>
        /// Marks a call that is not retried when the host cannot be reached at all (refused, not
        /// found): Connect-KooPhone's check, where that means a wrong address, said at once.
        /// </summary>
        public static void SetFailFastWhenUnreachable(HttpRequestMessage request, bool failFast) => request.Properties[FailFastKey] = failFast;

        public static bool FailsFastWhenUnreachable(HttpRequestMessage request) =>
            request.Properties.TryGetValue(FailFastKey, out var value) && value is bool b && b;
#pragma warning restore CS0618
    }
}
