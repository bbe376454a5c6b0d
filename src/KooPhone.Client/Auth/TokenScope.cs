using System;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// The project an IAM token is scoped to, as IAM reports it (TokenScopeLookup). A project's
    /// name is its region's id (cn-north-4), or the region's id, '_' and a name for a sub-project
    /// (cn-north-4_lab), so the region is the name up to the first '_'.
    /// </summary>
    internal sealed class TokenScope
    {
        public TokenScope(string? projectId, string? projectName)
        {
            ProjectId = string.IsNullOrWhiteSpace(projectId) ? null : projectId;
            ProjectName = string.IsNullOrWhiteSpace(projectName) ? null : projectName;
            var cut = ProjectName?.IndexOf('_') ?? -1;
            Region = cut > 0 ? ProjectName!.Substring(0, cut) : ProjectName;
        }

        /// <summary>Null for a token without a project (domain-scoped), which KooPhone does not take.</summary>
        public string? ProjectId { get; }

        public string? ProjectName { get; }

        /// <summary>The region the project belongs to; null without a project.</summary>
        public string? Region { get; }

        /// <summary>Whether <paramref name="region"/>, as a user gave it, names this project's region or the project itself.</summary>
        public bool Covers(string region) =>
            Region != null && (string.Equals(region, Region, StringComparison.OrdinalIgnoreCase) || string.Equals(region, ProjectName, StringComparison.OrdinalIgnoreCase));
    }
}
