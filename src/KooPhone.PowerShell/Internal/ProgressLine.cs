using System;
using System.Management.Automation;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// One progress bar of a cmdlet (a batch run, a -Wait, a listing): its activity, a line that
    /// says how far it is, and a percentage whenever the total is known; without one the bar shows
    /// the line alone.
    /// </summary>
    internal sealed class ProgressLine
    {
        private readonly Cmdlet _cmdlet;
        private readonly int _id;
        private readonly string _activity;

        public ProgressLine(Cmdlet cmdlet, int id, string activity)
        {
            _cmdlet = cmdlet;
            _id = id;
            _activity = activity;
        }

        /// <summary>Shows <paramref name="status"/>; with a total, also <paramref name="done"/> of it as a percentage.</summary>
        public void Write(string status, long done, long? total) =>
            _cmdlet.WriteProgress(new ProgressRecord(_id, _activity, status) { PercentComplete = Percent(done, total) });

        /// <summary>Takes the bar away.</summary>
        public void Complete() =>
            _cmdlet.WriteProgress(new ProgressRecord(_id, _activity, "Done") { RecordType = ProgressRecordType.Completed });

        /// <summary>0 to 100, or -1 (no percentage) when the total is not known.</summary>
        internal static int Percent(long done, long? total) =>
            total == null ? -1 : total.Value <= 0 ? 100 : (int)Math.Min(100, Math.Max(0, 100 * done / total.Value));
    }
}
