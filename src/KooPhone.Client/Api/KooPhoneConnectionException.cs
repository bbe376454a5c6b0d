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
        }

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

        private static string Describe(Exception inner, bool timedOut)
        {
            if (timedOut)
            {
                return "the service did not answer in time";
            }

            var root = inner;
            while (root.InnerException != null)
            {
                root = root.InnerException;
            }

            return ReferenceEquals(root, inner) ? inner.Message : inner.Message + " " + root.Message;
        }
    }
}
