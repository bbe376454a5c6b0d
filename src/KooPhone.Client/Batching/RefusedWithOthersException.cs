using System;
using System.Collections.Generic;

namespace KooPhone.Client.Batching
{
    /// <summary>
    /// An id whose call the service refused because of other ids in it, for an operation that
    /// leaves no trace to check and is not harmless to repeat: whether the service applied the
    /// call to this id anyway cannot be told, so it is not sent again (its outcome is unknown).
    /// </summary>
    public sealed class RefusedWithOthersException : Exception
    {
        public RefusedWithOthersException(string operation, IReadOnlyCollection<string> culprits, Exception refusal)
            : base($"{operation} was refused because of other ids of its call ({(culprits.Count == 0 ? "not named" : string.Join(", ", culprits))}): {refusal.Message} " +
                   "The reference does not say that a refused call applies nothing to its other ids, and this operation leaves no trace to check, so it was not sent again.", refusal)
        {
            Operation = operation;
            Culprits = culprits;
        }

        public string Operation { get; }

        /// <summary>The ids the refusal named (none when it named none).</summary>
        public IReadOnlyCollection<string> Culprits { get; }

        /// <summary>The same error as a new object, for one of the ids it ended (see KooPhoneApiException.Copy).</summary>
        public RefusedWithOthersException Copy() => new RefusedWithOthersException(Operation, Culprits, InnerException!);
    }
}
