using System;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// A call that got no usable answer at all (connection refused or dropped, every attempt timed
    /// out) after its retries, naming the operation and request id like an API error does.
    /// </summary>
    public sealed class KooPhoneConnectionException : Exception
    {
        public KooPhoneConnectionException(string operation, string requestId, int attempts, bool timedOut, Exception inner, bool outcomeUnknown = false)
            : base($"{operation} got no answer: {Describe(inner, timedOut)} (request id {requestId}, {attempts} attempt{(attempts == 1 ? "" : "s")}).{(outcomeUnknown ? " The service may have acted on it all the same." : "")}", inner)
        {
            OutcomeUnknown = outcomeUnknown;
            Operation = operation;
            RequestId = requestId;
            Attempts = attempts;
            TimedOut = timedOut;
            Reason = Describe(inner, timedOut);
            Unreachable = !timedOut && Http.TransportFailures.SentNothing(inner);
        }

        /// <summary>What happened to the connection, in a few words: "connection refused", "host not found"…</summary>
        public string Reason { get; }

        /// <summary>True when the request never left: the host refused, could not be found or routed to, or the TLS handshake failed.</summary>
        public bool Unreachable { get; }

        public string Operation { get; }

        public string RequestId { get; }

        public int Attempts { get; }

        public bool TimedOut { get; }

        /// <summary>
        /// True when the call changes state and the request may have reached the service before the
        /// connection failed (a timeout or reset after sending): its instances are Unknown until
        /// their state is checked.
        /// </summary>
        public bool OutcomeUnknown { get; }

        /// <summary>The same error as a new object, for one of the ids it ended (see KooPhoneApiException.Copy).</summary>
        public KooPhoneConnectionException Copy() => new KooPhoneConnectionException(Operation, RequestId, Attempts, TimedOut, InnerException!, OutcomeUnknown);

        private static string Describe(Exception inner, bool timedOut) =>
            timedOut ? "the service did not answer in time" : Http.TransportFailureText.Describe(inner);
    }
}
