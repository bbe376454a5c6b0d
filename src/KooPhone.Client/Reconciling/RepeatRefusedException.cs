using System;

namespace KooPhone.Client.Reconciling
{
    /// <summary>
    /// An id whose call's answer was lost, whose state then showed it untouched, and whose repeat
    /// the service refused the way it refuses an instance the first call reached (being backed up,
    /// not running, gone): the state may have shown the first call late. Read again, the state
    /// still cannot tell whether the first call was carried out, so the outcome is unknown; the
    /// refusal is not the id's outcome.
    /// </summary>
    public sealed class RepeatRefusedException : Exception
    {
        public RepeatRefusedException(string operation, string evidence, Exception refusal, Exception lost)
            : base($"{operation}'s answer was lost and the instance's state showed no sign of it, so it was sent again; the service refused the repeat ({refusal.Message}), " +
                   $"as it would refuse an instance the first call reached. Read again, its state cannot tell ({evidence}). The first call's answer had been lost: {lost.Message}", refusal)
        {
            Operation = operation;
            Evidence = evidence;
            Lost = lost;
        }

        public string Operation { get; }

        /// <summary>What the instance's state showed when it was read again.</summary>
        public string Evidence { get; }

        /// <summary>How the first call ended: its answer lost, late or malformed.</summary>
        public Exception Lost { get; }

        /// <summary>The same error as a new object, for one of the ids it ended (see KooPhoneApiException.Copy).</summary>
        public RepeatRefusedException Copy() => new RepeatRefusedException(Operation, Evidence, InnerException!, Lost);
    }
}
