using System.Text.Json;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// The code, message and request id of an error answer, whichever of Huawei Cloud's shapes it
    /// takes: KooPhone's and the API gateway's error_code / error_msg (the gateway adds request_id),
    /// the plain code / message some services use, and IAM's {"error":{"code","message","title"}},
    /// whose numeric code becomes IAM.&lt;code&gt; so it cannot be taken for another service's.
    /// Huawei's SDKs read the same three shapes (docs/authentication.md).
    /// </summary>
    internal sealed class ServiceErrorBody
    {
        private ServiceErrorBody(string? code, string? message, string? requestId)
        {
            Code = code;
            Message = message;
            RequestId = requestId;
        }

        public string? Code { get; }

        public string? Message { get; }

        /// <summary>The request_id the gateway wrote into the body, if any.</summary>
        public string? RequestId { get; }

        /// <summary>Reads the body's top level; null when it carries none of the shapes.</summary>
        public static ServiceErrorBody? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var requestId = Text(root, "request_id");
            var code = Text(root, "error_code");
            if (code != null)
            {
                return new ServiceErrorBody(code, Text(root, "error_msg"), requestId);
            }

            code = Text(root, "code");
            if (code != null)
            {
                return new ServiceErrorBody(code, Text(root, "message") ?? Text(root, "error_msg"), requestId);
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var iamCode = Text(error, "code");
                var iamMessage = Text(error, "message") ?? Text(error, "title");
                if (iamCode != null || iamMessage != null)
                {
                    return new ServiceErrorBody(iamCode == null ? null : IamCode(iamCode), iamMessage, requestId);
                }
            }

            return null;
        }

        /// <summary>Reads raw bytes; null when they are no JSON or carry none of the shapes.</summary>
        public static ServiceErrorBody? Read(byte[] body)
        {
            try
            {
                using (var document = JsonDocument.Parse(body))
                {
                    return Read(document.RootElement);
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        // IAM's codes are HTTP statuses (401) or its own (1100); both read as IAM.<code>.
        private static string IamCode(string code) =>
            code.StartsWith("IAM.", System.StringComparison.OrdinalIgnoreCase) ? code : "IAM." + code;

        internal static string? Text(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return value.GetString();
                case JsonValueKind.Number:
                    return value.GetRawText();
                default:
                    return null;
            }
        }
    }
}
