namespace KooPhone.Client.Api
{
    /// <summary>
    /// Error codes the client itself assigns or reacts to. Service codes are compared without
    /// regard to case because the reference shows several spellings of the prefix (docs/api-reference.md §10, item 4).
    /// </summary>
    internal static class KooPhoneErrorCodes
    {
        public const string Success = "0";
        public const string TaskNotFound = "KOOPHONE.API.1323";
        public const string ApiNotFound = "APIGW.0101";

        /// <summary>Used when the answer was not a KooPhone envelope at all (HTML page, truncated body).</summary>
        public const string MalformedResponse = "KooPhone.MalformedResponse";

        /// <summary>AK/SK without a project id: IAM knows no project named after the region.</summary>
        public const string NoProjectForRegion = "KooPhone.NoProjectForRegion";

        /// <summary>AK/SK without a project id: IAM has several projects named after the region, and the module will not guess.</summary>
        public const string SeveralProjectsForRegion = "KooPhone.SeveralProjectsForRegion";

        /// <summary>Used when an HTTP error status came without any error code in the body.</summary>
        public static string ForHttpStatus(int status) => "HTTP." + status;

        public static bool AreSame(string? a, string? b) =>
            string.Equals(a, b, System.StringComparison.OrdinalIgnoreCase);
    }
}
