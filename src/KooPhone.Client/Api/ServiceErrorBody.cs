using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// Everything an error answer says, whichever of the shapes Huawei's SDKs read it takes
    /// (docs/authentication.md, "Error answers"): error_code / error_msg (KooPhone's, and the API
    /// gateway's, which adds request_id), errorCode / errorMsg, code / message, and any of them
    /// inside a nested object, such as IAM's {"error":{"code","message","title"}}. Beside the code
    /// and message it keeps request_id, encoded_authorization_message (the opaque reason of a
    /// policy denial, which the user has STS decode) and details. The code is kept exactly as the
    /// service wrote it: the module adds no prefix.
    /// </summary>
    internal sealed class ServiceErrorBody
    {
        /// <summary>Longest raw body kept as a message, in characters.</summary>
        internal const int MaxRawLength = 500;

        // How deep nested objects are searched: IAM's {"error":{…}} is one level down.
        private const int MaxDepth = 4;

        private static readonly string[] CodeNames = { "error_code", "errorCode", "code" };
        private static readonly string[] MessageNames = { "error_msg", "errorMsg", "message", "title" };
        private static readonly string[] RequestIdNames = { "request_id", "requestId" };
        private static readonly string[] EncodedAuthorizationNames = { "encoded_authorization_message", "encodedAuthorizationMessage" };
        private static readonly Regex Blanks = new Regex(@"[\s\p{Cc}]+", RegexOptions.Compiled);

        private ServiceErrorBody(string? code, string? message, string? requestId, string? encodedAuthorizationMessage, IReadOnlyList<KooPhoneErrorDetail> details)
        {
            Code = code;
            Message = message;
            RequestId = requestId;
            EncodedAuthorizationMessage = encodedAuthorizationMessage;
            Details = details;
        }

        public string? Code { get; }

        public string? Message { get; }

        /// <summary>The request id the service wrote into the body (the gateway's request_id), if any.</summary>
        public string? RequestId { get; }

        /// <summary>Why a policy denied the call, encoded by the service; STS's decode-authorization-message reads it.</summary>
        public string? EncodedAuthorizationMessage { get; }

        public IReadOnlyList<KooPhoneErrorDetail> Details { get; }

        /// <summary>
        /// Reads the body; null when it carries none of the shapes. nested: search every nested
        /// object, as for an error status; without it only the top level and an "error" object
        /// count, so that a success's data never passes for an error.
        /// </summary>
        public static ServiceErrorBody? Read(JsonElement root, bool nested = true)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            // The level that names a code wins; failing that, one with a message only.
            var level = Find(root, 0, nested, HasCode) ?? Find(root, 0, nested, HasMessage);
            var requestId = First(root, RequestIdNames) ?? (level.HasValue ? First(level.Value, RequestIdNames) : null);
            var encoded = (level.HasValue ? First(level.Value, EncodedAuthorizationNames) : null) ?? First(root, EncodedAuthorizationNames);
            var details = (level.HasValue ? ReadDetails(level.Value) : null) ?? ReadDetails(root) ?? Array.Empty<KooPhoneErrorDetail>();
            if (!level.HasValue && encoded == null && details.Count == 0)
            {
                return null;
            }

            return new ServiceErrorBody(
                level.HasValue ? First(level.Value, CodeNames) : null,
                level.HasValue ? First(level.Value, MessageNames) : null,
                requestId,
                encoded,
                details);
        }

        /// <summary>Reads raw bytes in every shape; null when they are no JSON or carry none of the shapes.</summary>
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

        /// <summary>
        /// The body as text on one line, for an error answer that says nothing in a shape the module
        /// reads (an HTML page, plain text, JSON of another shape): what the service said is kept,
        /// cut at <see cref="MaxRawLength"/> characters. Null for an empty body.
        /// </summary>
        public static string? RawText(byte[] body)
        {
            var text = Blanks.Replace(Encoding.UTF8.GetString(body), " ").Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (text.Length <= MaxRawLength)
            {
                return text;
            }

            var cut = char.IsHighSurrogate(text[MaxRawLength - 1]) ? MaxRawLength - 1 : MaxRawLength;
            return text.Substring(0, cut) + "... (" + body.Length.ToString(CultureInfo.InvariantCulture) + " bytes in all)";
        }

        /// <summary>A string or number member as text; null when absent or of another kind.</summary>
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

        private static JsonElement? Find(JsonElement level, int depth, bool nested, Func<JsonElement, bool> says)
        {
            if (says(level))
            {
                return level;
            }

            if (depth >= MaxDepth || (!nested && depth > 0))
            {
                return null;
            }

            foreach (var member in level.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.Object && (nested || member.NameEquals("error")))
                {
                    var found = Find(member.Value, depth + 1, nested, says);
                    if (found.HasValue)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        private static bool HasCode(JsonElement level) => First(level, CodeNames) != null;

        private static bool HasMessage(JsonElement level) => First(level, MessageNames) != null;

        // The first of the names present with a text that is not blank.
        private static string? First(JsonElement level, string[] names)
        {
            foreach (var name in names)
            {
                var text = Text(level, name);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return text;
                }
            }

            return null;
        }

        // "details" as a list of entries in any of the shapes, a single entry, or a plain string
        // [UNCONFIRMED: the reference shows no details; every form an SDK could hand over is read].
        private static IReadOnlyList<KooPhoneErrorDetail>? ReadDetails(JsonElement level)
        {
            if (!level.TryGetProperty("details", out var details))
            {
                return null;
            }

            var read = new List<KooPhoneErrorDetail>();
            if (details.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in details.EnumerateArray())
                {
                    AddDetail(item, read);
                }
            }
            else
            {
                AddDetail(details, read);
            }

            return read.Count == 0 ? null : read;
        }

        private static void AddDetail(JsonElement item, List<KooPhoneErrorDetail> read)
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                var code = First(item, CodeNames);
                var message = First(item, MessageNames);
                if (code != null || message != null)
                {
                    read.Add(new KooPhoneErrorDetail(code, message));
                }
            }
            else if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                read.Add(new KooPhoneErrorDetail(null, item.GetString()));
            }
        }
    }
}
