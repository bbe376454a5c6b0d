namespace KooPhone.Client.Api
{
    /// <summary>
    /// One entry of the "details" an error answer may list beside its own code and message; the
    /// module keeps them as Huawei's SDKs do (docs/authentication.md, "Error answers").
    /// </summary>
    public sealed class KooPhoneErrorDetail
    {
        public KooPhoneErrorDetail(string? errorCode, string? errorMessage)
        {
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
        }

        public string? ErrorCode { get; }

        public string? ErrorMessage { get; }

        public override string ToString() =>
            ErrorCode == null ? ErrorMessage ?? "" : ErrorMessage == null ? ErrorCode : ErrorCode + ": " + ErrorMessage;
    }
}
