namespace KooPhone.Client.Runs
{
    /// <summary>How one id of a run ended (docs/operations.md, "Reconciling", and docs/design-notes.md).</summary>
    public enum RunOutcome
    {
        /// <summary>The service answered for it: a result with the status it confirmed.</summary>
        Result,

        /// <summary>The service refused it, or the call failed in a way that is known not to have acted.</summary>
        Error,

        /// <summary>Sent; the service may have acted; neither its answer nor the instance's state could tell. Check before running again.</summary>
        Unknown,

        /// <summary>The run stopped before it was sent. Safe to run again.</summary>
        NotSent,

        /// <summary>A journal's intent record: the call carrying it was about to be sent; an outcome follows unless the run died.</summary>
        Sent,
    }
}
