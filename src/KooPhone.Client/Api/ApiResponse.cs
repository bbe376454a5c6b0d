namespace KooPhone.Client.Api
{
    /// <summary>One raw HTTP answer, kept as bytes until the envelope reader has looked at it.</summary>
    internal sealed class ApiResponse
    {
        public ApiResponse(KooPhoneOperation operation, int statusCode, byte[] body, string? contentType, string? requestId, int attempts = 1)
        {
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
    }
}
