namespace KooPhone.Client.Api
{
    /// <summary>One raw HTTP answer, kept as bytes until the envelope reader has looked at it.</summary>
    internal sealed class ApiResponse
    {
        public ApiResponse(KooPhoneOperation operation, int statusCode, byte[] body, string? contentType, string? requestId, int attempts = 1, string? answeredRequestId = null)
        {
            ServiceRequestId = Differing(requestId, answeredRequestId);
            Operation = operation;
            StatusCode = statusCode;
            Body = body;
            ContentType = contentType;
            RequestId = requestId;
            Attempts = attempts;
        }

        /// <summary>How many attempts it took; more than one means retries happened.</summary>
        public int Attempts { get; }

        /// <summary>The operation answered: its success shape decides what counts as success.</summary>
        public KooPhoneOperation Operation { get; }

        public int StatusCode { get; }

        public byte[] Body { get; }

        public string? ContentType { get; }

        /// <summary>The x-request-id the client sent with the call.</summary>
        public string? RequestId { get; }

        /// <summary>The X-Request-Id the service answered with, when it is not the one sent (a gateway may use its own).</summary>
        public string? ServiceRequestId { get; }

        /// <summary>The answered id when it says something the sent one does not; null otherwise.</summary>
        public static string? Differing(string? sent, string? answered) =>
            string.IsNullOrWhiteSpace(answered) || string.Equals(sent, answered, System.StringComparison.OrdinalIgnoreCase) ? null : answered;
    }
}
