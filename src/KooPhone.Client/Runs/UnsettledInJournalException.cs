using System;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// An id a journal shows as sent by a run that never recorded the answer, whose state cannot
    /// tell whether the call was carried out: it is not sent again, its outcome stays unknown.
    /// </summary>
    public sealed class UnsettledInJournalException : Exception
    {
        public UnsettledInJournalException(string operation, DateTime? sentAt, string why)
            : base($"The journal shows {operation} was sent for it{(sentAt.HasValue ? " at " + sentAt.Value.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC" : "")} by a run that did not record the answer, and {why}; it was not sent again.")
        {
        }
    }
}
