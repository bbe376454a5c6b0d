namespace KooPhone.Emulator.State;

/// <summary>
/// The one hash behind every seed-derived value: the SplitMix64 finaliser. It is cheap,
/// well mixed and stable across runtimes (unlike string.GetHashCode), so derived values are the
/// same on every run, and for a fixed first argument it is a bijection of the second.
/// </summary>
public static class SeedHash
{
    /// <summary>Mixes <paramref name="a"/> (usually the seed) with <paramref name="b"/> (usually a salted index).</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        ulong z = a * 0x9E3779B97F4A7C15UL + b + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
