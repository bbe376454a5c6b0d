using System;
using System.Globalization;

namespace KooPhone.Client.Models
{
    /// <summary>KooPhone writes times as "yyyy-MM-dd HH:mm:ss" in UTC (reference 5.15).</summary>
    public static class KooPhoneTime
    {
        public const string Format = "yyyy-MM-dd HH:mm:ss";

        /// <summary>A moment as the service takes it: UTC, whole seconds (the fraction is dropped).</summary>
        public static string FormatUtc(DateTimeOffset moment) =>
            moment.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

        /// <summary>Parses a service time; anything unparseable is null rather than an error, as one odd field must not lose a listing.</summary>
        public static DateTime? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var exact))
            {
                return exact;
            }

            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var loose)
                ? loose
                : (DateTime?)null;
        }
    }
}
