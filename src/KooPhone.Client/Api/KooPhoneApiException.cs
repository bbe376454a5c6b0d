using System;
using System.Collections.Generic;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// A KooPhone (or API gateway, or IAM) error answer with everything it said: the service's
    /// code and message, the HTTP status, the x-request-id that carried the call (so an operator
    /// can quote it to support), and where the answer had them the service's own request id,
    /// IAM's trace id, the encoded reason of a policy denial and the details.
    /// </summary>
    public sealed class KooPhoneApiException : Exception
    {
        public KooPhoneApiException(
            string operation, string errorCode, string? errorMessage, int httpStatus, string? requestId, Exception? inner = null, bool outcomeUnknown = false, string? serviceRequestId = null,
            string? encodedAuthorizationMessage = null, IReadOnlyList<KooPhoneErrorDetail>? details = null, string? iamTraceId = null)
            : base(Describe(operation, errorCode, errorMessage, outcomeUnknown, new ApiErrorText(httpStatus, requestId, serviceRequestId, iamTraceId, encodedAuthorizationMessage, details)), inner)
        {
            ServiceRequestId = serviceRequestId;
            OutcomeUnknown = outcomeUnknown;
            Operation = operation;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            HttpStatus = httpStatus;
            RequestId = requestId;
            EncodedAuthorizationMessage = encodedAuthorizationMessage;
            Details = details ?? Array.Empty<KooPhoneErrorDetail>();
            IamTraceId = iamTraceId;
        }

        /// <summary>The operation name as the API reference spells it, e.g. BatchBackupInstances.</summary>
        public string Operation { get; }

        /// <summary>
        /// The service's error code exactly as it wrote it, e.g. KOOPHONE.API.1001, APIGW.0301 or
        /// IAM's 401; HTTP.&lt;status&gt; when the answer named none.
        /// </summary>
        public string ErrorCode { get; }

        /// <summary>The service's message; when it gave none in a shape the module reads, its body as text (cut at 500 characters).</summary>
        public string? ErrorMessage { get; }

        public int HttpStatus { get; }

        /// <summary>The x-request-id the module sent: the id to quote, the same in the module's traces and run records.</summary>
        public string? RequestId { get; }

        /// <summary>The request id the service answered with (X-Request-Id, or a gateway body's request_id) when it differs from RequestId.</summary>
        public string? ServiceRequestId { get; }

        /// <summary>
        /// Why a policy denied the call (encoded_authorization_message), encoded by the service:
        /// an opaque text, not a secret, that STS's decode-authorization-message turns into the reason.
        /// </summary>
        public string? EncodedAuthorizationMessage { get; }

        /// <summary>The entries the answer listed under "details", each with its own code and message; empty when it listed none.</summary>
        public IReadOnlyList<KooPhoneErrorDetail> Details { get; }

        /// <summary>IAM's X-IAM-Trace-Id, on an answer from IAM: the id IAM's support asks for.</summary>
        public string? IamTraceId { get; }

        /// <summary>
        /// True when the call changes state and this answer cannot tell whether the service acted
        /// (a malformed answer, HTTP 500/502/503/504, KOOPHONE.API.9999): its instances are Unknown
        /// until their state is checked, and the call must not be sent again blindly.
        /// </summary>
        public bool OutcomeUnknown { get; }

        /// <summary>What the message says after the code and message: status, ids, details and the encoded denial.</summary>
        internal ApiErrorText Particulars => new ApiErrorText(HttpStatus, RequestId, ServiceRequestId, IamTraceId, EncodedAuthorizationMessage, Details);

        /// <summary>
        /// The same error as a new object, for one of the ids it ended: PowerShell keeps an
        /// exception in $Error once, so each id's error record needs its own.
        /// </summary>
        public KooPhoneApiException Copy() =>
            new KooPhoneApiException(Operation, ErrorCode, ErrorMessage, HttpStatus, RequestId, InnerException, OutcomeUnknown, ServiceRequestId, EncodedAuthorizationMessage, Details, IamTraceId);

        private static string Describe(string operation, string code, string? message, bool outcomeUnknown, ApiErrorText particulars)
        {
            var text = string.IsNullOrWhiteSpace(message) ? code : code + ": " + message;
            var unknown = outcomeUnknown ? " The service may have acted on it all the same." : "";
            return $"{operation} failed with {text} ({particulars.Ids}).{particulars.Said}{unknown}";
        }
    }
}
