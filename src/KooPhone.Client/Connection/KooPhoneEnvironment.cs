namespace KooPhone.Client.Connection
{
    /// <summary>
    /// Names of the environment variables a runbook or CI job sets instead of connecting. The
    /// HUAWEICLOUD_SDK_* names are the ones Huawei's own SDKs read, so one set serves both.
    /// </summary>
    internal static class KooPhoneEnvironment
    {
        public const string Endpoint = "KOOPHONE_ENDPOINT";
        public const string Token = "KOOPHONE_TOKEN";
        public const string AccessKey = "HUAWEICLOUD_SDK_AK";
        public const string SecretKey = "HUAWEICLOUD_SDK_SK";
        public const string SecurityToken = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
        public const string ProjectId = "HUAWEICLOUD_SDK_PROJECT_ID";
        public const string Region = "HUAWEICLOUD_SDK_REGION";
        public const string IamEndpoint = "HUAWEICLOUD_SDK_IAM_ENDPOINT";

        public static string? Read(string name)
        {
            var value = System.Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }
    }
}
