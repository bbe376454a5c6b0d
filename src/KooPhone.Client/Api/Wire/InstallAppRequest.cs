using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    /// <summary>The body of InstallApp (docs/api-reference.md §5.13).</summary>
    internal sealed class InstallAppRequest
    {
        [JsonPropertyName("fast_install")] public string FastInstall { get; set; } = "0";
        [JsonPropertyName("object_name")] public string ObjectName { get; set; } = "";
        [JsonPropertyName("file_name")] public string FileName { get; set; } = "";
        [JsonPropertyName("object_version")] public string ObjectVersion { get; set; } = "";
        [JsonPropertyName("object_size")] public string ObjectSize { get; set; } = "";
        [JsonPropertyName("biz_type")] public string BizType { get; set; } = "apk";
        [JsonPropertyName("content_type")] public string? ContentType { get; set; }
        [JsonPropertyName("content_md5")] public string? ContentMd5 { get; set; }
        [JsonPropertyName("install_package_url")] public string InstallPackageUrl { get; set; } = "";
        [JsonPropertyName("instance_id_list")] public IReadOnlyList<string> InstanceIdList { get; set; } = new string[0];
    }
}
