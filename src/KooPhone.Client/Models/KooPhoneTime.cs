using System;
using System.Globalization;

namespace KooPhone.Client.Models
{
    /// <summary>
    /// Times as the service writes them ("yyyy-MM-dd HH:mm:ss", no zone): the one place that
    /// decides which zone they are in. The engine keeps every time as UTC (DateTimeKind.Utc);
    /// the views show it in the session's local time (KooPhone.PowerShell's LocalTimeText).
    /// </summary>
    internal static class KooPhoneTime
    {
        public const string Format = "yyyy-MM-dd HH:mm:ss";

        /// <summary>A moment as the service takes it: UTC, whole seconds (the fraction is dropped).</summary>
        public static string FormatUtc(DateTimeOffset moment) =>
            moment.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);


        /// <summary>
        /// The offset from UTC of the service's times. The API reference does not say which zone
        /// backup_time, restore_time and the other times without a zone are in [UNCONFIRMED]; they
        /// are read as UTC until the service's documentation or a real tenant says otherwise.
        /// </summary>
        public static readonly TimeSpan AssumedOffset = TimeSpan.Zero;

        /// <summary>
        /// How far a service time read with <see cref="AssumedOffset"/> may lie from the truth if
        /// that assumption is wrong: the widest offset a real zone has from UTC (+14:00). Whatever
        /// compares a service time with the client's clock (StateReconciler, BackupStatusFallback)
        /// must leave this much room, or not decide at all.
        /// </summary>
        public static readonly TimeSpan ZoneUncertainty = TimeSpan.FromHours(14);

        /// <summary>Parses a service time, as UTC; anything unparseable is null rather than an error, as one odd field must not lose a listing.</summary>
        public static DateTime? Parse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            // Text with its own zone ("…Z", "…+08:00") comes back in UTC; text without one comes
            // back Unspecified and takes the assumed offset.
            if (DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var exact))
            {
                return FromService(exact);
            }

            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var loose)
                ? FromService(loose)
                : (DateTime?)null;
        }

        private static DateTime FromService(DateTime value) =>
            value.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(value, AssumedOffset).UtcDateTime : value.ToUniversalTime();
    }
}
