using System;
using System.Text;
using System.Text.Json;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// Reads KooPhone's response envelope against the operation's success shape. HTTP 200 does not
    /// mean success: error_code must be "0" (inside data for ListInstances), and an answer that says
    /// nothing — no error_code, or no mandatory data — is malformed, never success. Anything that is
    /// not a well-formed envelope becomes a KooPhoneApiException that names the operation, status
    /// and request id, never a parser exception; for a call that changes state it is marked
    /// OutcomeUnknown, as the service may have acted.
    /// </summary>
    internal static class ResponseEnvelope
    {
        private const int SnippetLength = 120;
        private const string InternalError = "KOOPHONE.API.9999";

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
                throw NotAnEnvelope(response, "a body that is not JSON");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw NotAnEnvelope(response, "JSON that is not an object");
                }

                var shape = response.Operation.Success;
                var hasData = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
                var inData = shape.CodeInsideData && hasData;
                // The gateway's and IAM's error shapes are read as well as KooPhone's own.
                var error = ServiceErrorBody.Read(root);
                var code = error?.Code ?? (inData ? ServiceErrorBody.Text(data, "error_code") : null);
                var message = error?.Code != null ? error.Message : (inData ? ServiceErrorBody.Text(data, "error_msg") : null) ?? error?.Message;
                // The id the module sent stays the request id; the service's own, if it differs, goes beside it.
                var requestId = response.RequestId ?? error?.RequestId;
                var serviceRequestId = response.ServiceRequestId ?? ApiResponse.Differing(requestId, error?.RequestId);

                if (code != null && code != KooPhoneErrorCodes.Success)
                {
                    var unknown = KooPhoneErrorCodes.AreSame(code, InternalError) || IsAmbiguousStatus(response.StatusCode);
                    throw new KooPhoneApiException(response.Operation.Name, code, WithAttempts(message, response), response.StatusCode, requestId, outcomeUnknown: unknown && response.Operation.ChangesState, serviceRequestId: serviceRequestId);
                }

                if (response.StatusCode >= 400)
                {
                    throw new KooPhoneApiException(response.Operation.Name, KooPhoneErrorCodes.ForHttpStatus(response.StatusCode), WithAttempts(message, response), response.StatusCode, requestId,
                        outcomeUnknown: IsAmbiguousStatus(response.StatusCode) && response.Operation.ChangesState, serviceRequestId: serviceRequestId);
                }

                if (code == null)
                {
                    throw NotAnEnvelope(response, shape.CodeInsideData ? "an answer without 'error_code' (at the top or inside 'data')" : "an answer without 'error_code'");
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

        /// <summary>The server-side failures after which a request may or may not have been carried out.</summary>
        private static bool IsAmbiguousStatus(int status) => status == 500 || status == 502 || status == 503 || status == 504;

        private static KooPhoneApiException NotAnEnvelope(ApiResponse response, string what)
        {
            var code = response.StatusCode >= 400
                ? KooPhoneErrorCodes.ForHttpStatus(response.StatusCode)
                : KooPhoneErrorCodes.MalformedResponse;
            var message = WithAttempts($"the service answered with {what}{DescribeBody(response)}", response);
            var unknown = (response.StatusCode < 400 || IsAmbiguousStatus(response.StatusCode)) && response.Operation.ChangesState;
            return new KooPhoneApiException(response.Operation.Name, code, message, response.StatusCode, response.RequestId, outcomeUnknown: unknown, serviceRequestId: response.ServiceRequestId);
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
