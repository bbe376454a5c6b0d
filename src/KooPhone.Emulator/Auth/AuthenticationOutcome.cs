namespace KooPhone.Emulator.Auth;

/// <summary>
/// Result of authenticating a request. A failure carries the gateway error to return, because
/// the schemes fail differently (AK/SK clock skew is APIGW.0303, not APIGW.0301).
/// </summary>
public readonly record struct AuthenticationOutcome(bool Succeeded, string ErrorCode, string ErrorMessage)
{
    /// <summary>The request is authenticated.</summary>
    public static AuthenticationOutcome Success { get; } = new(true, string.Empty, string.Empty);

    /// <summary>The request is rejected with HTTP 401 and this gateway error.</summary>
    public static AuthenticationOutcome Failure(string errorCode, string errorMessage) => new(false, errorCode, errorMessage);
}
