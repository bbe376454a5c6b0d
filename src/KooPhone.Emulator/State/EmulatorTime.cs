using System;
using System.Globalization;

namespace KooPhone.Emulator.State;

/// <summary>
/// The API's time format, "yyyy-MM-dd HH:mm:ss" in UTC (docs/api-reference.md §5.15), or in the zone
/// --time-zone-offset names, since a real service may write its local time. Instance times are
/// kept as Unix seconds, which is all that format can show and keeps the records small.
/// </summary>
public static class EmulatorTime
{
    /// <summary>The wire format of every time the API returns.</summary>
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Formats Unix seconds as an API time in UTC.</summary>
    public static string FormatUnixSeconds(long seconds) => FormatUnixSeconds(seconds, TimeSpan.Zero);

    /// <summary>Formats Unix seconds as an API time in the zone <paramref name="utcOffset"/> ahead of UTC (--time-zone-offset).</summary>
    public static string FormatUnixSeconds(long seconds, TimeSpan utcOffset) =>
        DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(utcOffset).DateTime.ToString(Format, CultureInfo.InvariantCulture);

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
