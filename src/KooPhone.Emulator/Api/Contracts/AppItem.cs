using System.Text.Json.Serialization;

namespace KooPhone.Emulator.Api.Contracts;

/// <summary>ListInstanceApp's data.result[] item (docs/api-reference.md §5.14).</summary>
public sealed record AppItem(
    [property: JsonPropertyName("app_name")] string AppName,
    [property: JsonPropertyName("app_version")] string AppVersion,
    [property: JsonPropertyName("app_pkg")] string AppPackage,
    [property: JsonPropertyName("icon_url")] string IconUrl);
