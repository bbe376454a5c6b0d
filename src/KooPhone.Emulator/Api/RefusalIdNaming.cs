namespace KooPhone.Emulator.Api;

/// <summary>
/// Which of the offending IDs a refusal's error_msg names (--refusal-ids). The reference never
/// says that a message names any: a client isolating culprits must cope with each of these.
/// </summary>
public enum RefusalIdNaming
{
    /// <summary>Every offending ID (up to <see cref="IdListText.MaxListed"/>, then a count).</summary>
    Named = 0,

    /// <summary>None: only what went wrong.</summary>
    None,

    /// <summary>Only the first offending ID: a message that names too few.</summary>
    First,
}
