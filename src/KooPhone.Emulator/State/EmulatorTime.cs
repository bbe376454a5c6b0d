using System;
using System.Globalization;

namespace KooPhone.Emulator.State;

/// <summary>
/// The API's time format, "yyyy-MM-dd HH:mm:ss" in UTC (reference §5.15). Instance times are
/// kept as Unix seconds, which is all that format can show and keeps the records small.
/// </summary>
public static class EmulatorTime
{
    /// <summary>The wire format of every time the API returns.</summary>
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Formats Unix seconds as an API time.</summary>
    public static string FormatUnixSeconds(long seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses an API time (taken as UTC) into Unix seconds.</summary>
    public static bool TryParseUnixSeconds(string text, out long seconds)
    {
        if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime parsed))
        {
            seconds = new DateTimeOffset(parsed, TimeSpan.Zero).ToUnixTimeSeconds();
            return true;
        }

        seconds = 0;
        return false;
    }
}
