using System;

namespace KooPhone.Emulator.State;

/// <summary>The shape of instance IDs: 8 lower-case letters and digits, like the reference's a44uhlf7.</summary>
public static class InstanceIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const int Length = 8;

    /// <summary>Draws one ID from <paramref name="random"/>; the caller checks uniqueness.</summary>
    public static string Draw(Random random)
    {
        Span<char> buffer = stackalloc char[Length];
        for (int c = 0; c < Length; c++)
        {
            buffer[c] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(buffer);
    }
}
