namespace KooPhone.Client.Batching
{
    /// <summary>How the items of one part of a batch ended.</summary>
    internal enum BatchPartKind
    {
        /// <summary>The service answered for them with the documented success shape.</summary>
        Answered,

        /// <summary>The call failed in a way known not to have acted on them: the service refused it, or their state showed nothing after the answer was lost.</summary>
        Failed,

        /// <summary>The answer was lost, but their state shows the call was carried out.</summary>
        Done,

        /// <summary>The answer was lost and their state cannot tell whether the call was carried out.</summary>
        Unknown,
    }
}
