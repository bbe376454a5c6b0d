using System;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// How long to sleep between polling rounds: short at first, as most jobs end within seconds,
    /// then growing by half each round. The cap is 5 seconds while the wait is young and then a
    /// tenth of the time waited so far, up to 30 seconds: an answer learned that much later costs
    /// a long run at most a tenth more time, while a round (one query per task, and for tasks
    /// that cannot be polled a read of the instances) costs as much on its hundredth pass as on
    /// its first. An hour-long wait then polls about 140 times instead of 720.
    /// </summary>
    internal static class PollSchedule
    {
        public static readonly TimeSpan First = TimeSpan.FromMilliseconds(500);

        private static readonly TimeSpan YoungCap = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan LongCap = TimeSpan.FromSeconds(30);

        /// <summary>The pause after <paramref name="previous"/>, once <paramref name="waited"/> has passed since the wait began.</summary>
        public static TimeSpan Next(TimeSpan previous, TimeSpan waited)
        {
            var cap = Math.Min(Math.Max(waited.TotalMilliseconds / 10, YoungCap.TotalMilliseconds), LongCap.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(Math.Min(previous.TotalMilliseconds * 1.5, cap));
        }
    }
}
