using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// The answers of the <c>shape</c> fault: an error in each of the body shapes Huawei Cloud's
/// services answer with and Huawei's SDKs read, and in two that no SDK reads, so a client can be
/// tested on what it keeps of each (docs/emulator.md, "Fault injection").
/// </summary>
public static class ErrorShapes
{
    /// <summary>Every shape name, for error messages.</summary>
    public const string All = "denied, camel, plain, nested, text, other";

    /// <summary>The gateway's code for a call an IAM policy does not allow.</summary>
    public const string DeniedCode = "APIGW.0302";

    /// <summary>The message of <c>denied</c> and <c>nested</c>.</summary>
    public const string DeniedMessage = "The IAM user is not authorized to access the API.";

    /// <summary>Whether <paramref name="name"/> is a shape (exact, lower-case).</summary>
    public static bool IsKnown(string name) => Array.IndexOf(All.Split(", "), name) >= 0;

    /// <summary>The answer of shape <paramref name="name"/> to a request; <paramref name="requestId"/> goes into the bodies that carry one.</summary>
    public static ShapedAnswer For(string name, string method, string path, string requestId) => name switch
    {
        // The gateway's policy denial: its own shape plus the encoded reason and the details.
        "denied" => Json(403, DeniedCode, new JsonObject
        {
            ["error_code"] = DeniedCode,
            ["error_msg"] = DeniedMessage,
            ["request_id"] = requestId,
            ["encoded_authorization_message"] = EncodedDenial(method, path),
            ["details"] = new JsonArray(new JsonObject
            {
                ["error_code"] = "IAM.0003",
                ["error_msg"] = "No identity policy allows the action.",
            }),
        }),
        "camel" => Json(400, "KP.0042", new JsonObject
        {
            ["errorCode"] = "KP.0042",
            ["errorMsg"] = "The request names an instance twice.",
            ["requestId"] = requestId,
        }),
        "plain" => Json(400, "KP.0043", new JsonObject
        {
            ["code"] = "KP.0043",
            ["message"] = "The request body is too large.",
        }),
        // The shape of IAM's own errors, carrying a gateway code: nothing to add to it.
        "nested" => Json(403, DeniedCode, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = DeniedCode,
                ["message"] = DeniedMessage,
                ["encoded_authorization_message"] = EncodedDenial(method, path),
            },
        }),
        "text" => new ShapedAnswer(502, "text/plain; charset=utf-8",
            "upstream connect error or disconnect/reset before headers. reset reason: connection termination", null),
        "other" => Json(400, null, new JsonObject
        {
            ["status"] = "failed",
            ["reason"] = "The request was refused in a shape no SDK reads.",
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown error shape"),
    };

    /// <summary>
    /// What a real denial encodes, in an encoding a test can read back: base64 of
    /// {"decision":"deny","method":…,"path":…}. Opaque to a client, as the real one is.
    /// </summary>
    public static string EncodedDenial(string method, string path) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["decision"] = "deny",
            ["method"] = method,
            ["path"] = path,
        }.ToJsonString()));

    private static ShapedAnswer Json(int status, string? errorCode, JsonObject body) =>
        new(status, "application/json; charset=utf-8", body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }), errorCode);
}

/// <summary>One shaped error answer: its status, content type, body and the code the request log shows.</summary>
public sealed record ShapedAnswer(int Status, string ContentType, string Body, string? ErrorCode);
