using System.Collections.Generic;

namespace KooPhone.Client.Connection
{
    /// <summary>Regions the KooPhone SDK knows (docs/api-reference.md §9); both reach the same host.</summary>
    internal static class KooPhoneRegions
    {
        public const string Default = "cn-north-4";

        public static readonly IReadOnlyList<string> Known = new[] { "cn-north-4", "cn-south-1" };
    }
}
