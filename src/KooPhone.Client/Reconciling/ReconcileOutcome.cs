namespace KooPhone.Client.Reconciling
{
    /// <summary>The verdict on one item, and the state that decided it (for the result and -Verbose).</summary>
    internal sealed class ReconcileOutcome
    {
        public ReconcileOutcome(InstanceTarget target, StateVerdict verdict, string evidence)
        {
            Target = target;
            Verdict = verdict;
            Evidence = evidence;
        }

        public InstanceTarget Target { get; }

        public StateVerdict Verdict { get; }

        /// <summary>What was seen, in words: "backup_status Executing", "no longer listed"…</summary>
        public string Evidence { get; }
    }
}
