using System;
using System.Collections.Generic;

namespace KooPhone.Client.Batching
{
    /// <summary>
    /// An id whose call the service refused because of other ids in it, for an operation that
    /// leaves no trace to reconcile and is not harmless to repeat: whether the service applied the
    /// call to this id anyway cannot be told, so it is not sent again (its outcome is unknown).
    /// </summary>
    public sealed class RefusedWithOthersException : Exception
    {
        public RefusedWithOthersException(string operation, IReadOnlyCollection<string> culprits, Exception refusal, string? evidence = null)
            : base(Describe(operation, culprits, refusal, evidence), refusal)
        {
            Operation = operation;
            Culprits = culprits;
            Evidence = evidence;
        }

        public string Operation { get; }

        /// <summary>The ids the refusal named (none when it named none).</summary>
        public IReadOnlyCollection<string> Culprits { get; }

        /// <summary>What the instance's state showed after the refusal, when it was read; null when the operation leaves nothing to read.</summary>
        public string? Evidence { get; }

        /// <summary>The same error as a new object, for one of the ids it ended (see KooPhoneApiException.Copy).</summary>
        public RefusedWithOthersException Copy() => new RefusedWithOthersException(Operation, Culprits, InnerException!, Evidence);

        private static string Describe(string operation, IReadOnlyCollection<string> culprits, Exception refusal, string? evidence)
        {
            var refused = $"{operation} was refused because of other ids of its call ({(culprits.Count == 0 ? "not named" : string.Join(", ", culprits))}): {refusal.Message} ";
            return evidence == null
                ? refused + "The reference does not say that a refused call applies nothing to its other ids, and this operation leaves no trace to check, so it was not sent again."
                : refused + $"Whether the refused call reached this instance cannot be told ({evidence}), and the reference does not say that a refused call applies nothing to its other ids, so it was not sent again.";
        }
    }
}
