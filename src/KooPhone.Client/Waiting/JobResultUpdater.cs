using System;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>The one place a job result takes on a newer state.</summary>
    internal static class JobResultUpdater
    {
        public static void Apply(KooPhoneJobResult result, JobSnapshot state)
        {
            if (state.Status.IsTerminal())
            {
                Finish(result, state.Status, state.ErrorCode, state.ErrorMessage);
            }
            else
            {
                result.Status = state.Status;
                result.LastPollError = null;
            }

            result.Output = state.Output ?? result.Output;
        }

        public static void Finish(KooPhoneJobResult result, KooPhoneJobStatus status, string? errorCode, string? errorMessage)
        {
            result.Status = status;
            result.ErrorCode = errorCode;
            result.ErrorMessage = errorMessage;
            result.CompletedAt = DateTime.UtcNow;
            result.LastPollError = null;
        }
    }
}
