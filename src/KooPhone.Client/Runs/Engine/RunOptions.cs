using System;

namespace KooPhone.Client.Runs
{
    /// <summary>How a batch run goes, as its command's parameters say.</summary>
    internal sealed class RunOptions<TItem>
    {
        /// <summary>The command's name, for the run record (e.g. Backup-KooPhoneInstance).</summary>
        public string Command { get; set; } = "";

        /// <summary>The operation's name in messages and progress, e.g. "Backup".</summary>
        public string ActionName { get; set; } = "";

        /// <summary>How many items one API call carries: -BatchSize, or 1 for single-instance operations.</summary>
        public int ItemsPerCall { get; set; } = 1;

        /// <summary>-ThrottleLimit: calls in flight at once.</summary>
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>-JournalPath, resolved to a file path; null for none.</summary>
        public string? JournalPath { get; set; }

        /// <summary>-ErrorAction Stop: the first error of an id stops the run.</summary>
        public bool StopOnFirstError { get; set; }

        /// <summary>Where the credential came from, in words, for the message of a run stopped by its refusal.</summary>
        public string CredentialSource { get; set; } = "the connection";

        /// <summary>
        /// Where items wait when nothing may be sent before the input has ended (Remove: a listing
        /// piped into it is read whole before its pages shift); null to send each batch as it fills.
        /// </summary>
        public IItemHold<TItem>? Hold { get; set; }

        /// <summary>What a call must not mix (the region of an instance, when its object says): null when anything may go together.</summary>
        public Func<TItem, string?> PartitionOf { get; set; } = _ => null;

        /// <summary>-Wait: what follows the results; null without it.</summary>
        public IRunFollower? Follower { get; set; }

        /// <summary>Verbose lines from any thread (the host writes them on its own).</summary>
        public Action<string> Log { get; set; } = _ => { };

        /// <summary>HTTP calls and attempts made so far, for the run's summary.</summary>
        public Func<(int Calls, int Attempts)> CallCounts { get; set; } = () => (0, 0);
    }
}
