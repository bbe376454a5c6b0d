using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>An API-gateway error that also carries request_id (docs/api-reference.md §6.1), e.g. APIGW.0301.</summary>
public sealed class GatewayErrorBody
{
    public GatewayErrorBody(string errorCode, string errorMessage, string requestId)
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
    }

    /// <summary>The APIGW.* code.</summary>
    [JsonPropertyName("error_code")] public string ErrorCode { get; }

    /// <summary>The gateway's message.</summary>
    [JsonPropertyName("error_msg")] public string ErrorMessage { get; }

    /// <summary>The request's x-request-id, or a fresh UUID when it had none.</summary>
    [JsonPropertyName("request_id")] public string RequestId { get; }
}
