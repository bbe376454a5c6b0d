using System;
using System.Globalization;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>Times as the module writes and reads them back: UTC, in ISO 8601 text.</summary>
    internal static class UtcTime
    {
        /// <summary>
        /// A time bound from input, as UTC: a local time (PowerShell reads "…Z" text as local) is
        /// converted, a time without a zone is taken as the UTC the module wrote.
        /// </summary>
        public static DateTime Of(DateTime value) =>
            value.Kind == DateTimeKind.Local ? value.ToUniversalTime()
            : value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : value;

        /// <summary>ISO 8601 UTC text, the same in every culture, e.g. 2026-01-02T03:04:05.1230000Z.</summary>
        public static string Text(DateTime value) => Of(value).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }
}
