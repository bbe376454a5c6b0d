using System.Text.Json.Serialization;

namespace KooPhone.Emulator.State;

/// <summary>
/// One app installed on an instance, as ListInstanceApp reports it (docs/api-reference.md §5.14) plus its type, which
/// the app_type filter selects on. Immutable, so app lists can be shared and copied freely.
/// </summary>
public sealed record AppEntry(
    [property: JsonPropertyName("app_name")] string Name,
    [property: JsonPropertyName("app_version")] string Version,
    [property: JsonPropertyName("app_pkg")] string Package,
    [property: JsonPropertyName("icon_url")] string IconUrl,
    [property: JsonPropertyName("app_type")] int AppType)
{
    /// <summary>app_type 1: system app.</summary>
    public const int SystemApp = 1;

    /// <summary>app_type 2: third-party app.</summary>
    public const int ThirdPartyApp = 2;

    /// <summary>
    /// The icon URL of a package. The .invalid top-level domain is reserved (RFC 2606), so nothing
    /// can ever fetch from a real host by following an emulated URL.
    /// </summary>
    public static string IconFor(string package) => "https://icons.koophone.invalid/apps/" + package + ".png";
}
