using System;
using System.Globalization;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Times as UTC, in ISO 8601 text, and the two ways a DateTime without a zone is read: one the
    /// user gave is local time, one the module itself produced is UTC.
    /// </summary>
    internal static class UtcTime
    {
        /// <summary>
        /// A time the user gave (-Since, -Until, -SubmittedAt), as UTC. A time without a zone
        /// (DateTimeKind.Unspecified: [datetime]'2025-01-02 03:04:05', Get-Date -Hour 3) is local
        /// time, as Get-Date and .NET's ToUniversalTime take it; a time with one ('…Z', '…+08:00',
        /// which PowerShell reads as local time, or a UTC DateTime) keeps its moment.
        /// </summary>
        public static DateTime FromInput(DateTime value) => value.ToUniversalTime();

        /// <summary>
        /// A time of the module's own objects, as UTC: the engine keeps every time as UTC
        /// (KooPhoneTime), so one without a zone is UTC; a local one is converted.
        /// </summary>
        public static DateTime Of(DateTime value) =>
            value.Kind == DateTimeKind.Local ? value.ToUniversalTime()
            : value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : value;

        /// <summary>ISO 8601 UTC text of a time of the module's objects, the same in every culture, e.g. 2026-01-02T03:04:05.1230000Z.</summary>
        public static string Text(DateTime value) => Of(value).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }
}
