using System;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// A KooPhone (or API gateway) error answer: the service's code and message, the HTTP status
    /// and the x-request-id that carried the call, so an operator can quote it to support.
    /// </summary>
    public sealed class KooPhoneApiException : Exception
    {
        public KooPhoneApiException(string operation, string errorCode, string? errorMessage, int httpStatus, string? requestId, Exception? inner = null, bool outcomeUnknown = false, string? serviceRequestId = null)
            : base(Describe(operation, errorCode, errorMessage, httpStatus, requestId, serviceRequestId, outcomeUnknown), inner)
        {
            ServiceRequestId = serviceRequestId;
            OutcomeUnknown = outcomeUnknown;
            Operation = operation;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            HttpStatus = httpStatus;
            RequestId = requestId;
        }

        /// <summary>The operation name as the API reference spells it, e.g. BatchBackupInstances.</summary>
        public string Operation { get; }

        /// <summary>The service's error code, e.g. KOOPHONE.API.1001 or APIGW.0301.</summary>
        public string ErrorCode { get; }

        public string? ErrorMessage { get; }

        public int HttpStatus { get; }

        /// <summary>The x-request-id the module sent: the id to quote, the same in the module's traces and run records.</summary>
        public string? RequestId { get; }

        /// <summary>The request id the service answered with (X-Request-Id, or a gateway body's request_id) when it differs from RequestId.</summary>
        public string? ServiceRequestId { get; }

        /// <summary>
        /// True when the call changes state and this answer cannot tell whether the service acted
        /// (a malformed answer, HTTP 500/502/503/504, KOOPHONE.API.9999): its instances are Unknown
        /// until their state is checked, and the call must not be sent again blindly.
        /// </summary>
        public bool OutcomeUnknown { get; }

        /// <summary>
        /// The same error as a new object, for one of the ids it ended: PowerShell keeps an
        /// exception in $Error once, so each id's error record needs its own.
        /// </summary>
        public KooPhoneApiException Copy() => new KooPhoneApiException(Operation, ErrorCode, ErrorMessage, HttpStatus, RequestId, InnerException, OutcomeUnknown, ServiceRequestId);

        private static string Describe(string operation, string code, string? message, int status, string? requestId, string? serviceRequestId, bool outcomeUnknown)
        {
            var text = string.IsNullOrWhiteSpace(message) ? code : code + ": " + message;
            var unknown = outcomeUnknown ? " The service may have acted on it all the same." : "";
            var service = serviceRequestId == null ? "" : ", service request id " + serviceRequestId;
            return $"{operation} failed with {text} (HTTP {status}, request id {requestId ?? "none"}{service}).{unknown}";
        }
    }
}
