using System;
using System.Management.Automation;
using KooPhone.Client.Connection;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// What a cmdlet tells the engine's stop policy (RunStopPolicy) and what it says when a run
    /// stopped: one terminating error with why, the first id's error, and how many were not sent.
    /// </summary>
    internal static class RunStopText
    {
        /// <summary>-ErrorAction Stop, given or by $ErrorActionPreference: the first error of an id ends the run.</summary>
        public static bool StopsOnFirstError(PSCmdlet cmdlet)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            var preference = bound.TryGetValue("ErrorAction", out var given) ? given : cmdlet.GetVariableValue("ErrorActionPreference");
            return preference is ActionPreference action ? action == ActionPreference.Stop : string.Equals(preference?.ToString(), "Stop", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Where the credential in use came from, in words, for the message of a run stopped by its refusal.</summary>
        public static string CredentialSource(PSCmdlet cmdlet, KooPhoneContext context)
        {
            if (cmdlet.MyInvocation.BoundParameters.ContainsKey("Context"))
            {
                return "the connection given with -Context";
            }

            if (context.Source == KooPhoneContextSource.Connected)
            {
                return "the connection Connect-KooPhone made";
            }

            return context.AuthenticationMode == Client.Auth.AuthenticationMode.AccessKey
                ? $"the environment variables {KooPhoneEnvironment.AccessKey} and {KooPhoneEnvironment.SecretKey}"
                : "the environment variable " + KooPhoneEnvironment.Token;
        }

        /// <summary>
        /// Tells the host where a run stopped by Ctrl+C stood (KooPhoneRun.StopNote): the pipeline is
        /// stopping and takes no more records, so the line goes to the host's UI, as a warning
        /// line; a host without a UI shows nothing, and Get-KooPhoneRun -Summary keeps the line.
        /// </summary>
        public static void Show(PSCmdlet cmdlet, string? note)
        {
            if (note == null)
            {
                return;
            }

            try
            {
                cmdlet.Host?.UI?.WriteWarningLine(note);
            }
            catch (Exception e) when (e is NotImplementedException || e is NotSupportedException || e is InvalidOperationException || e is System.IO.IOException)
            {
                // A host that cannot show it: the run's summary still holds it.
            }
        }

        /// <summary>The one terminating error of a stopped run.</summary>
        public static ErrorRecord Terminating(RunStopped stopped, string action)
        {
            var first = stopped.FirstError == null
                ? new ErrorRecord(new InvalidOperationException(stopped.Why), "KooPhone.RunStopped", ErrorCategory.OperationStopped, null)
                : stopped.FirstOutcome == RunOutcome.Unknown
                    ? ErrorRecords.Unknown(stopped.FirstError, stopped.FirstTarget, action)
                    : ErrorRecords.ForTarget(stopped.FirstError, stopped.FirstTarget, action);
            var record = new ErrorRecord(first.Exception, first.FullyQualifiedErrorId.Split(',')[0], first.CategoryInfo.Category, first.TargetObject);
            var advice = $" {stopped.NotSent} id(s) were not sent (Get-KooPhoneRun -Last -Outcome NotSent lists them; they are safe to run again), and the rest of the pipeline's input was not read.";
            record.ErrorDetails = new ErrorDetails($"{action} stopped: {stopped.Why}. {first.ErrorDetails?.Message ?? first.Exception.Message}{advice}");
            record.ErrorDetails.RecommendedAction = first.ErrorDetails?.RecommendedAction;
            return record;
        }
    }
}
