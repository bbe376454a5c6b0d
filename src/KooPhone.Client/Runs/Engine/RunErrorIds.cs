using System;
using System.IO;
using System.Net.Http;
using KooPhone.Client.Api;
using KooPhone.Client.Reconciling;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// The error id of an id's failure, as the run record keeps it and the host's error record
    /// starts with it: the API's code where the service gave one, else the kind of failure.
    /// </summary>
    internal static class RunErrorIds
    {
        public const string ConnectionError = "KooPhone.ConnectionError";
        public const string Timeout = "KooPhone.Timeout";
        public const string Unexpected = "KooPhone.UnexpectedError";
        public const string OutcomeUnknown = "KooPhone.OutcomeUnknown";
        public const string NotSent = "KooPhone.NotSent";
        public const string NotCarriedOut = "KooPhone.NotCarriedOut";
        public const string MissingResult = "KooPhone.MissingResult";

        /// <summary>The id of an error for one item: Unknown outcomes (sent, may have been carried out) have their own.</summary>
        public static string Of(Exception error, RunOutcome outcome) =>
            outcome == RunOutcome.Unknown || CallOutcome.IsUnknown(error) ? OutcomeUnknown : Of(error);

        public static string Of(Exception error)
        {
            switch (error)
            {
                case KooPhoneApiException api:
                    return api.ErrorCode;
                case NotCarriedOutException _:
                    return NotCarriedOut;
                case MissingResultException _:
                    return MissingResult;
                case KooPhoneConnectionException connection:
                    return connection.TimedOut ? Timeout : ConnectionError;
                case HttpRequestException _:
                case IOException _:
                    return ConnectionError;
                case TimeoutException _:
                    return Timeout;
                default:
                    return Unexpected;
            }
        }

        /// <summary>The x-request-id of the call an error ended, when it names one.</summary>
        public static string? RequestIdOf(Exception? error) =>
            error is KooPhoneApiException api ? api.RequestId : error is KooPhoneConnectionException connection ? connection.RequestId : null;
    }
}
