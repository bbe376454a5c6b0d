using System;
using System.Globalization;

namespace KooPhone.Emulator.Auth.Signing;

/// <summary>The X-Sdk-Date header: UTC in the basic ISO-8601 form yyyyMMdd'T'HHmmss'Z' (docs/api-reference.md §8.1).</summary>
public static class SdkDate
{
    /// <summary>The header name.</summary>
    public const string HeaderName = "X-Sdk-Date";

    /// <summary>The exact format; anything else is rejected.</summary>
    public const string Format = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Parses <paramref name="text"/> strictly as UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset date)
    {
        if (text is not null
            && DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime parsed))
        {
            date = new DateTimeOffset(parsed, TimeSpan.Zero);
            return true;
        }

        date = default;
        return false;
    }
}
