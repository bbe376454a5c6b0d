using System;
using System.Text;
using System.Text.Json;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// Reads KooPhone's response envelope against the operation's success shape. HTTP 200 does not
    /// mean success: error_code must be "0" (inside data for ListInstances), and an answer that says
    /// nothing — no error_code, an empty one, a code under another name (code, errorCode), or no
    /// mandatory data — is malformed, never success; another error_code is a refusal. An error status
    /// keeps everything its body says, in any shape ServiceErrorBody reads, or the body itself as
    /// the message. Anything else that is not a well-formed envelope becomes a
    /// KooPhoneApiException that names the operation, status and request id, never a parser
    /// exception; for a call that changes state it is marked OutcomeUnknown, as the service may
    /// have acted.
    /// </summary>
    internal static class ResponseEnvelope
    {
        private const int SnippetLength = 120;
        private const string InternalError = "KOOPHONE.API.9999";
        private const string ErrorCode = "error_code";

        /// <summary>Checks the envelope and returns its data deserialized as T.</summary>
        public static T ReadData<T>(ApiResponse response, JsonSerializerOptions options) where T : class
        {
            return Read<T>(response, options)!;
        }

        /// <summary>Checks the envelope of an operation whose data the caller does not need.</summary>
        public static void EnsureSuccess(ApiResponse response, JsonSerializerOptions options)
        {
            Read<object>(response, options);
        }

        private static T? Read<T>(ApiResponse response, JsonSerializerOptions options) where T : class
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(response.Body);
            }
            catch (JsonException)
            {
                throw response.StatusCode >= 400 ? Refusal(response, null) : NotAnEnvelope(response, "a body that is not JSON");
            }

            using (document)
            {
                var root = document.RootElement;
                if (response.StatusCode >= 400)
                {
                    // An error status: whatever the body says, in any shape, nested or not.
                    throw Refusal(response, ServiceErrorBody.Read(root));
                }

                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw NotAnEnvelope(response, "JSON that is not an object");
                }

                var shape = response.Operation.Success;
                var hasData = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
                // HTTP 200: only error_code counts, where the reference puts it (docs/api-reference.md
                // §2.3): the top, or 'data' for ListInstances. An empty code, or a code under another
                // name (code, errorCode) or deeper, is neither success nor a refusal: malformed.
                var level = CodeLevel(root);
                if (level == null && shape.CodeInsideData && hasData)
                {
                    level = CodeLevel(data);
                }

                if (level == null)
                {
                    throw NotAnEnvelope(response, WhatInsteadOfCode(root, shape.CodeInsideData));
                }

                if (ServiceErrorBody.Text(level.Value, ErrorCode) != KooPhoneErrorCodes.Success)
                {
                    throw Refusal(response, ServiceErrorBody.Read(level.Value, nested: false));
                }

                var problem = shape.CheckData(root);
                if (problem != null)
                {
                    throw NotAnEnvelope(response, problem);
                }

                if (!hasData)
                {
                    return null;
                }

                try
                {
                    return data.Deserialize<T>(options);
                }
                catch (Exception e) when (e is JsonException || e is InvalidOperationException || e is NotSupportedException)
                {
                    throw NotAnEnvelope(response, "'data' of an unexpected shape (" + e.Message + ")");
                }
            }
        }

        /// <summary>The level whose error_code says something (not absent, empty or blank), or null.</summary>
        private static JsonElement? CodeLevel(JsonElement level) =>
            string.IsNullOrWhiteSpace(ServiceErrorBody.Text(level, ErrorCode)) ? (JsonElement?)null : level;

        private static string WhatInsteadOfCode(JsonElement root, bool codeInsideData)
        {
            var where = codeInsideData ? " (at the top or inside 'data')" : "";
            if (!root.TryGetProperty(ErrorCode, out var code))
            {
                return "an answer without 'error_code'" + where;
            }

            return code.ValueKind == JsonValueKind.String ? "an empty 'error_code'" + where : $"an 'error_code' that is {code.ValueKind}{where}";
        }

        /// <summary>
        /// The service's refusal with all it said: its code, else HTTP.&lt;status&gt;; its message,
        /// else the body as text; and the ids, details and encoded denial it carried.
        /// </summary>
        private static KooPhoneApiException Refusal(ApiResponse response, ServiceErrorBody? said)
        {
            var named = said?.Code != null && said.Code != KooPhoneErrorCodes.Success;
            var code = named ? said!.Code! : KooPhoneErrorCodes.ForHttpStatus(response.StatusCode);
            var message = said?.Message ?? (response.StatusCode >= 400 ? ServiceErrorBody.RawText(response.Body) : null);
            var unknown = (KooPhoneErrorCodes.AreSame(code, InternalError) || IsAmbiguousStatus(response.StatusCode)) && response.Operation.ChangesState;
            // The id the module sent stays the request id; the service's own, if it differs, goes beside it.
            var requestId = response.RequestId ?? said?.RequestId;
            var serviceRequestId = response.ServiceRequestId ?? ApiResponse.Differing(requestId, said?.RequestId);
            return new KooPhoneApiException(response.Operation.Name, code, WithAttempts(message, response), response.StatusCode, requestId, outcomeUnknown: unknown,
                serviceRequestId: serviceRequestId, encodedAuthorizationMessage: said?.EncodedAuthorizationMessage, details: said?.Details);
        }

        /// <summary>The server-side failures after which a request may or may not have been carried out.</summary>
        private static bool IsAmbiguousStatus(int status) => status == 500 || status == 502 || status == 503 || status == 504;

        /// <summary>A success status whose answer is no well-formed envelope: the service may have acted.</summary>
        private static KooPhoneApiException NotAnEnvelope(ApiResponse response, string what)
        {
            var message = WithAttempts($"the service answered with {what}{DescribeBody(response)}", response);
            return new KooPhoneApiException(response.Operation.Name, KooPhoneErrorCodes.MalformedResponse, message, response.StatusCode, response.RequestId,
                outcomeUnknown: response.Operation.ChangesState, serviceRequestId: response.ServiceRequestId);
        }

        /// <summary>Says when the answer came after retries, so "the retry cap was reached" is visible.</summary>
        private static string? WithAttempts(string? message, ApiResponse response) =>
            response.Attempts <= 1 ? message : $"{message} (after {response.Attempts} attempts)";

        private static string DescribeBody(ApiResponse response)
        {
            if (response.Body.Length == 0)
            {
                return " (empty body)";
            }

            var type = string.IsNullOrEmpty(response.ContentType) ? "" : response.ContentType + ", ";
            var length = Math.Min(response.Body.Length, SnippetLength);
            var snippet = Encoding.UTF8.GetString(response.Body, 0, length).Replace('\r', ' ').Replace('\n', ' ');
            return $" ({type}{response.Body.Length} bytes, starting '{snippet}')";
        }
    }
}
