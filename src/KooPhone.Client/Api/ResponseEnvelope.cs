using System;
using System.Text;
using System.Text.Json;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// Reads KooPhone's response envelope. HTTP 200 does not mean success (reference 2.4): the
    /// body's error_code must be "0". ListInstances keeps its error_code inside data (2.3), so both
    /// levels are checked. Anything that is not an envelope becomes a KooPhoneApiException that
    /// names the operation, status and request id, never a parser exception.
    /// </summary>
    internal static class ResponseEnvelope
    {
        private const int SnippetLength = 120;

        /// <summary>Checks the envelope and returns its data deserialized as T.</summary>
        public static T ReadData<T>(ApiResponse response, JsonSerializerOptions options) where T : class
        {
            return Read<T>(response, options, dataRequired: true)!;
        }

        /// <summary>Checks the envelope of an operation whose answer carries no data.</summary>
        public static void EnsureSuccess(ApiResponse response, JsonSerializerOptions options)
        {
            Read<object>(response, options, dataRequired: false);
        }

        /// <summary>Checks the envelope; data is returned when present, null when absent (older API versions).</summary>
        public static T? ReadOptionalData<T>(ApiResponse response, JsonSerializerOptions options) where T : class
        {
            return Read<T>(response, options, dataRequired: false);
        }

        private static T? Read<T>(ApiResponse response, JsonSerializerOptions options, bool dataRequired) where T : class
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

                var hasData = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
                var code = ReadString(root, "error_code") ?? (hasData ? ReadString(data, "error_code") : null);
                var message = ReadString(root, "error_msg") ?? (hasData ? ReadString(data, "error_msg") : null);
                var requestId = response.RequestId ?? ReadString(root, "request_id");

                if (code != null && code != KooPhoneErrorCodes.Success)
                {
                    throw new KooPhoneApiException(response.Operation, code, WithAttempts(message, response), response.StatusCode, requestId);
                }

                if (response.StatusCode >= 400)
                {
                    throw new KooPhoneApiException(response.Operation, KooPhoneErrorCodes.ForHttpStatus(response.StatusCode), WithAttempts(message, response), response.StatusCode, requestId);
                }

                // [UNCONFIRMED] a 2xx answer without any error_code is taken as success: the reference
                // always shows one, but tolerating its absence costs nothing and loses no result.
                if (!hasData)
                {
                    if (dataRequired)
                    {
                        throw NotAnEnvelope(response, "an answer without 'data'");
                    }

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

        private static string? ReadString(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Number: return value.GetRawText();
                default: return null;
            }
        }

        private static KooPhoneApiException NotAnEnvelope(ApiResponse response, string what)
        {
            var code = response.StatusCode >= 400
                ? KooPhoneErrorCodes.ForHttpStatus(response.StatusCode)
                : KooPhoneErrorCodes.MalformedResponse;
            var message = WithAttempts($"the service answered with {what}{DescribeBody(response)}", response);
            return new KooPhoneApiException(response.Operation, code, message, response.StatusCode, response.RequestId);
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
