namespace KooPhone.Client.Auth
{
    /// <summary>
    /// The project a password token is scoped to: by name (the region, e.g. cn-north-4) or by id.
    /// KooPhone needs a project-scoped token (docs/api-reference.md §7, 7.3).
    /// </summary>
    internal sealed class IamScope
    {
        private IamScope(string? projectName, string? projectId)
        {
            ProjectName = projectName;
            ProjectId = projectId;
        }

        public string? ProjectName { get; }

        public string? ProjectId { get; }

        public static IamScope ByProjectName(string name) => new IamScope(name, null);

        public static IamScope ByProjectId(string id) => new IamScope(null, id);

        public override string ToString() => ProjectId != null ? "project id " + ProjectId : "project " + ProjectName;
    }
}
