using System;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Turns engine exceptions into ErrorRecords: the FullyQualifiedErrorId starts with the API
    /// error code (so scripts can match on it) and the category says what kind of failure it was.
    /// </summary>
    internal static class ErrorRecords
    {
        public const string InvalidInstanceId = "KooPhone.InvalidInstanceId";
        public const string NotConnected = "KooPhone.NotConnected";
        public const string ConnectionError = RunErrorIds.ConnectionError;
        public const string OutcomeUnknown = RunErrorIds.OutcomeUnknown;

        /// <summary>
        /// Unknown outcomes have their own category: the call was sent and the outcome could not be
        /// read back, neither from the answer nor from the instance's state.
        /// </summary>
        public const ErrorCategory UnknownCategory = ErrorCategory.ReadError;

        /// <summary>
        /// A new exception object with the same content, for one target of a shared failure:
        /// PowerShell keeps an exception in $Error once, so eleven ids sharing one lost eleven
        /// records but one. Types the engine does not own are shared as they are.
        /// </summary>
        public static Exception PerTarget(Exception error)
        {
            switch (error)
            {
                case KooPhoneApiException api:
                    return api.Copy();
                case KooPhoneConnectionException connection:
                    return connection.Copy();
                case NotCarriedOutException notCarriedOut:
                    return notCarriedOut.Copy();
                case RefusedWithOthersException refusedWithOthers:
                    return refusedWithOthers.Copy();
                case RepeatRefusedException repeatRefused:
                    return repeatRefused.Copy();
                default:
                    return error;
            }
        }

        /// <summary>
        /// The error of a target whose call was sent and may have been carried out: the safe advice
        /// is to check, never to run again.
        /// </summary>
        public static ErrorRecord Unknown(Exception error, object? target, string action)
        {
            var record = new ErrorRecord(PerTarget(error), OutcomeUnknown, UnknownCategory, target);
            const string advice = "The service may have carried it out. Check the instance (Get-KooPhoneInstance; Get-KooPhoneRun -Last -Outcome Unknown lists every such id) before running the command again for it.";
            record.ErrorDetails = new ErrorDetails(ErrorText.Unknown(ErrorText.Subject(action, target), OutcomeUnknown, error, advice)) { RecommendedAction = advice };
            return record;
        }

        /// <summary>True for the failures a call can end in: the service's answer, or no answer at all.</summary>
        public static bool IsCallFailure(Exception e) =>
            e is KooPhoneApiException || e is KooPhoneConnectionException || e is HttpRequestException;

        /// <summary>The error of one target (usually an instance) whose call failed.</summary>
        public static ErrorRecord ForTarget(Exception error, object? target, string action)
        {
            if (CallOutcome.IsUnknown(error))
            {
                return Unknown(error, target, action);
            }

            var code = RunErrorIds.Of(error);
            var record = new ErrorRecord(PerTarget(error), code, CategoryOf(error), target);
            var advice = AdviceFor(error);
            record.ErrorDetails = new ErrorDetails(ErrorText.Failed(ErrorText.Subject(action, target), code, error, advice));
            if (advice != null)
            {
                record.ErrorDetails.RecommendedAction = advice;
            }

            return record;
        }

        /// <summary>The one terminating error of a run whose -JournalPath it cannot use; nothing was sent.</summary>
        public static ErrorRecord JournalRefused(JournalRefusedException error)
        {
            switch (error.Reason)
            {
                case JournalRefusal.InUse:
                    return new ErrorRecord(error, "KooPhone.JournalInUse", ErrorCategory.ResourceBusy, error.JournalPath);
                case JournalRefusal.OtherOperation:
                    return new ErrorRecord(error, "KooPhone.JournalOtherOperation", ErrorCategory.InvalidArgument, error.JournalPath);
                default:
                    return new ErrorRecord(error, "KooPhone.JournalUnwritable", ErrorCategory.WriteError, error.JournalPath);
            }
        }

        /// <summary>The run records folder (KOOPHONE_RUNS_PATH, or the default) cannot be made or written: the run did not start.</summary>
        public static ErrorRecord RunRecordsUnavailable(RunRecordsUnavailableException error) =>
            new ErrorRecord(error, "KooPhone.RunRecordsUnavailable", ErrorCategory.WriteError, error.Folder);

        public static ErrorRecord Invalid(string message, string errorId, object? target) =>
            new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

        public static ErrorCategory CategoryOf(Exception error)
        {
            if (error is NotCarriedOutException)
            {
                return ErrorCategory.OperationStopped;
            }

            if (error is MissingResultException)
            {
                return ErrorCategory.InvalidResult;
            }

            if (error is KooPhoneConnectionException connection)
            {
                return connection.TimedOut ? ErrorCategory.OperationTimeout : ErrorCategory.ConnectionError;
            }

            if (!(error is KooPhoneApiException api))
            {
                return error is HttpRequestException || error is IOException ? ErrorCategory.ConnectionError
                    : error is TimeoutException ? ErrorCategory.OperationTimeout
                    : ErrorCategory.NotSpecified;
            }

            switch (api.ErrorCode.ToUpperInvariant())
            {
                case "KOOPHONE.API.1000":
                    return ErrorCategory.InvalidArgument;
                case "KOOPHONE.API.1001":
                case "KOOPHONE.API.1012":
                    return ErrorCategory.PermissionDenied;
                case "KOOPHONE.API.4001":
                case "KOOPHONE.API.1323":
                    return ErrorCategory.ObjectNotFound;
                case "KOOPHONE.API.2005":
                case "KOOPHONE.API.2006":
                    return ErrorCategory.ResourceBusy;
                case "KOOPHONE.API.5005":
                    return ErrorCategory.InvalidOperation;
                case "APIGW.0301":
                case "APIGW.0303":
                    return ErrorCategory.AuthenticationError;
                case "KOOPHONE.API.9999":
                    return ErrorCategory.ConnectionError;
                case "KOOPHONE.NOPROJECTFORREGION":
                    return ErrorCategory.ObjectNotFound;
                case "KOOPHONE.SEVERALPROJECTSFORREGION":
                    return ErrorCategory.InvalidResult;
            }

            if (api.ErrorCode == KooPhoneErrorCodes.MalformedResponse)
            {
                return ErrorCategory.InvalidResult;
            }

            // IAM's refusals (IAM.401, IAM.403) and any other code answered with these statuses.
            switch (api.HttpStatus)
            {
                case 401:
                    return ErrorCategory.AuthenticationError;
                case 403:
                    return ErrorCategory.PermissionDenied;
            }

            return api.HttpStatus >= 500 ? ErrorCategory.ConnectionError : ErrorCategory.NotSpecified;
        }

        private static string? AdviceFor(Exception error)
        {
            if (error is NotCarriedOutException)
            {
                return "The instance's state shows it was not carried out; it is safe to run the command again for it.";
            }

            if (!(error is KooPhoneApiException api))
            {
                return error is HttpRequestException || error is KooPhoneConnectionException ? "Check the endpoint, proxy and network, then run the command again for the ids that failed (Get-KooPhoneRun -Last -Outcome Error lists them)." : null;
            }

            if (api.EncodedAuthorizationMessage != null)
            {
                return "A policy denied the call: STS's decode-authorization-message turns the encoded authorization message (also the error's EncodedAuthorizationMessage) into the reason.";
            }

            switch (CategoryOf(error))
            {
                case ErrorCategory.PermissionDenied:
                    return "Check that the instance ids belong to this tenant (Get-KooPhoneInstance lists them).";
                case ErrorCategory.ResourceBusy:
                    return "The instance is busy; run the command again when its backup or restore has ended.";
                case ErrorCategory.InvalidOperation:
                    return "Only running instances can take this operation; Get-KooPhoneInstance shows each RunStatus.";
                case ErrorCategory.AuthenticationError:
                    return "Run Connect-KooPhone again with valid credentials.";
                default:
                    return api.HttpStatus >= 500 ? "The service failed; run the command again for the ids that failed (Get-KooPhoneRun -Last -Outcome Error lists them)." : null;
            }
        }
    }
}
