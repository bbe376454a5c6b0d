namespace KooPhone.Client.Models
{
    /// <summary>An app installed on a cloud phone: name, version and package name.</summary>
    public sealed class KooPhoneApp
    {
        public string InstanceId { get; set; } = "";
        public string? Name { get; set; }
        public string? Version { get; set; }
        public string? PackageName { get; set; }
        public string? IconUrl { get; set; }

        public override string ToString() => PackageName ?? Name ?? "";
    }
}
