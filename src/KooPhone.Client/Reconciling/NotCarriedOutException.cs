using System;

namespace KooPhone.Client.Reconciling
{
    /// <summary>A call whose answer was lost, and whose instances' state showed it was not carried out: safe to run again.</summary>
    public sealed class NotCarriedOutException : Exception
    {
        public NotCarriedOutException(string operation, string evidence, Exception lost)
            : base($"{operation} was not carried out: {evidence}. Its answer had been lost: {lost.Message}", lost)
        {
            Operation = operation;
            Evidence = evidence;
        }

        public string Operation { get; }

        public string Evidence { get; }

        /// <summary>The same error as a new object, for one of the ids it ended (see KooPhoneApiException.Copy).</summary>
        public NotCarriedOutException Copy() => new NotCarriedOutException(Operation, Evidence, InnerException!);
    }
}
