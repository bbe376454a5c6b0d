namespace KooPhone.Client.Api
{
    /// <summary>Whether an operation may be sent again when the first call's outcome is not known.</summary>
    internal enum RepeatPolicy
    {
        /// <summary>A second call changes nothing the first did not (reads, video settings, stopping a stream): retried freely.</summary>
        Harmless,

        /// <summary>A second call may act twice (a second backup, a second wipe): sent again only once the instances' state shows the first had no effect.</summary>
        CheckFirst,

        /// <summary>Never sent again by the engine, whatever the state says: a second call costs money (a second order).</summary>
        Never,
    }
}
