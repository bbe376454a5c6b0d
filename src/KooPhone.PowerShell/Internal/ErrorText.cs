using System;
using System.Text.RegularExpressions;
using KooPhone.Client.Api;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// The one line an error shows: which id, which code, what happened and what to do, e.g.
    /// "Backup of 'ab12cd34' failed with KOOPHONE.API.1001: no permission (BatchBackupInstances,
    /// HTTP 200, request id …). Check that …". PowerShell's console shows ErrorDetails.Message and
    /// not RecommendedAction, so the advice is in the line as well as in RecommendedAction.
    /// </summary>
    internal static class ErrorText
    {
        private static readonly Regex LineBreaks = new Regex(@"\s*[\r\n]+\s*", RegexOptions.Compiled);

        public static string Subject(string action, object? target) => target == null ? action : $"{action} of '{target}'";

        /// <summary>"{subject} failed with {code}: {what happened}. {advice}"</summary>
        public static string Failed(string subject, string code, Exception error, string? advice) =>
            OneLine($"{subject} failed with {code}: {Detail(error)}{(advice == null ? "" : " " + advice)}");

        /// <summary>The line of an id whose outcome is unknown: the service may have acted.</summary>
        public static string Unknown(string subject, string code, Exception error, string advice) =>
            OneLine($"{subject}: outcome unknown ({code}). {Detail(error)} {advice}");

        /// <summary>
        /// What happened without repeating the code: an API error's own message names the operation
        /// and code first, which the line has already said.
        /// </summary>
        private static string Detail(Exception error)
        {
            if (error is KooPhoneApiException api)
            {
                var message = string.IsNullOrWhiteSpace(api.ErrorMessage) ? "the service gave no message" : api.ErrorMessage!.TrimEnd('.');
                var unknown = api.OutcomeUnknown ? " The service may have acted on it all the same." : "";
                // Every id support may ask for, then the details and the encoded reason of a denial.
                var particulars = api.Particulars;
                return $"{message} ({api.Operation}, {particulars.Ids}).{particulars.Said}{unknown}";
            }

            var text = error.Message.Trim();
            return text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".";
        }

        /// <summary>A service message may carry line breaks; an error stays one line.</summary>
        public static string OneLine(string text) => LineBreaks.Replace(text, " ").Trim();
    }
}
