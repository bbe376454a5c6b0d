using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// The parts of an API error's text after its code and message, worded once for the
    /// exception's message and the host's error line: the status and every id to quote, then
    /// what else the service said (its details, the encoded reason of a policy denial).
    /// </summary>
    internal readonly struct ApiErrorText
    {
        /// <summary>Details named in the text; the exception's Details keeps them all.</summary>
        internal const int MaxDetails = 5;

        private readonly int _status;
        private readonly string? _requestId;
        private readonly string? _serviceRequestId;
        private readonly string? _iamTraceId;
        private readonly string? _encodedAuthorizationMessage;
        private readonly IReadOnlyList<KooPhoneErrorDetail>? _details;

        public ApiErrorText(int status, string? requestId, string? serviceRequestId, string? iamTraceId, string? encodedAuthorizationMessage, IReadOnlyList<KooPhoneErrorDetail>? details)
        {
            _status = status;
            _requestId = requestId;
            _serviceRequestId = serviceRequestId;
            _iamTraceId = iamTraceId;
            _encodedAuthorizationMessage = encodedAuthorizationMessage;
            _details = details;
        }

        /// <summary>"HTTP 403, request id …[, service request id …][, IAM trace id …]": support asks for any of them.</summary>
        public string Ids =>
            "HTTP " + _status.ToString(CultureInfo.InvariantCulture) + ", request id " + (_requestId ?? "none")
            + (_serviceRequestId == null ? "" : ", service request id " + _serviceRequestId)
            + (_iamTraceId == null ? "" : ", IAM trace id " + _iamTraceId);

        /// <summary>" Details: …. Encoded authorization message: …." or empty: each sentence starts with a space.</summary>
        public string Said
        {
            get
            {
                var text = "";
                if (_details != null && _details.Count > 0)
                {
                    var named = string.Join("; ", _details.Take(MaxDetails).Select(d => d.ToString().TrimEnd('.')));
                    var more = _details.Count > MaxDetails ? "; and " + (_details.Count - MaxDetails).ToString(CultureInfo.InvariantCulture) + " more" : "";
                    text += " Details: " + named + more + ".";
                }

                if (_encodedAuthorizationMessage != null)
                {
                    text += " Encoded authorization message: " + _encodedAuthorizationMessage;
                }

                return text;
            }
        }
    }
}
