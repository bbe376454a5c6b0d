using System;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// Ends a result that has no task to poll (its call's answer was lost, or a run stopped with it
    /// in flight) once the instance's state has shown no sign of it for the connection's reconcile
    /// timeout: it was not carried out, and is safe to run again. A result with a task waits for its
    /// task instead, as long as the task runs.
    /// </summary>
    internal static class NotCarriedOutRule
    {
        public const string ErrorCode = "KooPhone.NotCarriedOut";

        public static void Apply(KooPhoneJobResult result, TimeSpan settleTime, string noSign, DateTime now)
        {
            if (result.TaskId == null && now - result.SubmittedAt > settleTime)
            {
                JobResultUpdater.Finish(result, KooPhoneJobStatus.Failed, ErrorCode,
                    $"The instance's state has shown {noSign} in the {settleTime.TotalSeconds:0} s since the call was sent: it was not carried out, and is safe to run again.", now);
            }
        }
    }
}
