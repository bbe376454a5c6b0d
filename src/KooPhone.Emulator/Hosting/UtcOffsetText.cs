using System;
using System.Globalization;

namespace KooPhone.Emulator.Hosting;

/// <summary>The "+08:00" form of a UTC offset, as --time-zone-offset and the admin options take it.</summary>
public static class UtcOffsetText
{
    /// <summary>What a valid value looks like, for error messages.</summary>
    public const string Rule = "a UTC offset from -12:00 to +14:00 in the form +HH:MM or -HH:MM, e.g. +08:00";

    /// <summary>Parses "+HH:MM" or "-HH:MM" within the offsets real time zones use.</summary>
    public static bool TryParse(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':'
            || !int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int hours)
            || !int.TryParse(text.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int minutes)
            || minutes > 59)
        {
            return false;
        }

        var parsed = new TimeSpan(hours, minutes, 0);
        offset = text[0] == '-' ? parsed.Negate() : parsed;
        return offset >= TimeSpan.FromHours(-12) && offset <= TimeSpan.FromHours(14);
    }

    /// <summary>Formats an offset as "+HH:MM" or "-HH:MM".</summary>
    public static string Format(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);
}
