namespace KooPhone.Client.Reconciling
{
    /// <summary>What an instance's state says about a call whose answer was lost.</summary>
    internal enum StateVerdict
    {
        /// <summary>The state shows the call's effect: it was carried out.</summary>
        Done,

        /// <summary>The state still showed no effect when the settle time ran out: it was not carried out, and may be sent again.</summary>
        Untouched,

        /// <summary>The state cannot tell (the operation leaves no reliable trace, or the instance could not be read).</summary>
        Unknown,
    }
}
