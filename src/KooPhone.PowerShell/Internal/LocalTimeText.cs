using System;
using System.Globalization;
using System.Management.Automation;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// How the default views (KooPhone.Format.ps1xml) show a time: in the session's local time,
    /// as "yyyy-MM-dd HH:mm:ss", under a header that says "(local)". The objects keep UTC; only the
    /// view converts.
    /// </summary>
    /// <remarks>
    /// The culture's own format varies in length ("6/19/2026 3:04:05 PM", "19.06.2026 15:04:05"),
    /// which a fixed-width column cuts ("06/19/2…"); this one is 19 characters in every culture and
    /// sorts as text.
    /// </remarks>
    public static class LocalTimeText
    {
        public const string Format = "yyyy-MM-dd HH:mm:ss";

        /// <summary>
        /// A DateTime (UTC, or Unspecified taken as UTC), a DateTimeOffset, or the ISO 8601 UTC text
        /// that SubmittedAt shows (KooPhone.Types.ps1xml), as local time; null or anything else as null.
        /// </summary>
        public static string? Of(object? value)
        {
            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case DateTime time:
                    return Text(UtcTime.Of(time));
                case DateTimeOffset offset:
                    return Text(offset.UtcDateTime);
                case string text when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed):
                    return Text(UtcTime.Of(parsed));
                default:
                    return null;
            }
        }

        private static string Text(DateTime utc) => utc.ToLocalTime().ToString(Format, CultureInfo.InvariantCulture);
    }
}
