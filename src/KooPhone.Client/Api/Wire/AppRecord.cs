using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class AppRecord
    {
        [JsonPropertyName("app_name")] public string? AppName { get; set; }
        [JsonPropertyName("app_version")] public string? AppVersion { get; set; }
        [JsonPropertyName("app_pkg")] public string? AppPackage { get; set; }
        [JsonPropertyName("icon_url")] public string? IconUrl { get; set; }
    }
}
