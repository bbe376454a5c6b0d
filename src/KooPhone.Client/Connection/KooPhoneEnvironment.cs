using System;

namespace KooPhone.Client.Connection
{
    /// <summary>Names of the environment variables a runbook or CI job sets instead of connecting.</summary>
    public static class KooPhoneEnvironment
    {
        public const string Endpoint = "KOOPHONE_ENDPOINT";
        public const string Token = "KOOPHONE_TOKEN";
        public const string Region = "HUAWEICLOUD_SDK_REGION";

        public static string? Read(string name)
        {
            var value = System.Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
        }
    }
}
