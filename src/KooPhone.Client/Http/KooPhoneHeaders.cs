namespace KooPhone.Client.Http
{
    internal static class KooPhoneHeaders
    {
        /// <summary>The message-tracing id; a header on every call, a query parameter too for ListInstances (reference 2.2).</summary>
        public const string RequestId = "x-request-id";
    }
}
