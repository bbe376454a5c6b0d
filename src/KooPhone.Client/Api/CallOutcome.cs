using System;

namespace KooPhone.Client.Api
{
    /// <summary>What a failed call's exception says about whether the service may have acted.</summary>
    internal static class CallOutcome
    {
        /// <summary>True when the call changes state and its answer was lost, late or malformed: the service may have acted.</summary>
        public static bool IsUnknown(Exception error) =>
            (error is KooPhoneApiException api && api.OutcomeUnknown) || (error is KooPhoneConnectionException connection && connection.OutcomeUnknown);
    }
}
