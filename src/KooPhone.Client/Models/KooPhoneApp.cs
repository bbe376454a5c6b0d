namespace KooPhone.Client.Models
{
    /// <summary>An app installed on an instance (ListInstanceApp, reference 5.14).</summary>
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
