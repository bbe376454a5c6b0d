using System;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>The one place a job result takes on a newer state.</summary>
    internal static class JobResultUpdater
    {
        public static void Apply(KooPhoneJobResult result, JobSnapshot state, DateTime now)
        {
            if (state.Status.IsTerminal())
            {
                Finish(result, state.Status, state.ErrorCode, state.ErrorMessage, now);
            }
            else
            {
                result.Status = state.Status;
                result.LastPollError = null;
            }

            result.Output = state.Output ?? result.Output;
        }

        public static void Finish(KooPhoneJobResult result, KooPhoneJobStatus status, string? errorCode, string? errorMessage, DateTime now)
        {
            result.Status = status;
            result.ErrorCode = errorCode;
            result.ErrorMessage = errorMessage;
            result.CompletedAt = now;
            result.LastPollError = null;
        }
    }
}
