using System;
using System.IO;
using System.Text.Json;
using KooPhone.Emulator.State;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Reads InstallApp's body (docs/api-reference.md §5.13) in the reference's field order. fast_install, when present,
/// must be the string "0" or "1" (KOOPHONE.API.3008); every other broken rule is a 400 naming it.
/// content_type, install_package_url and instance_id_list are treated as required: the table
/// that would say was cut off (docs/api-reference.md §11 item 11), and an install cannot work without them.
/// </summary>
public static class InstallAppRequestReader
{
    private const int MaxObjectLength = 100;
    private const int MaxTypeLength = 64;
    private const int MaxMd5Length = 200;
    private const int MaxUrlLength = 2000;

    /// <summary>The request, or the answer to give instead.</summary>
    public static bool TryRead(JsonElement root, out InstallAppRequest? request, out KooPhoneJsonResult? error)
    {
        request = null;
        error = null;
        // Documented as a string; a number such as 1 breaks the rule as much as "2" does.
        if (root.TryGetProperty("fast_install", out JsonElement fast) && fast.ValueKind != JsonValueKind.Null
            && !(fast.ValueKind == JsonValueKind.String && fast.GetString() is "0" or "1"))
        {
            error = ApiResults.BusinessError(ApiErrorCodes.FastInstallInvalid, "'fast_install' must be \"0\" or \"1\"");
            return false;
        }

        string? message = ReadFields(root, out request);
        if (message is not null)
        {
            error = ApiResults.InvalidParameter(message);
            return false;
        }

        return true;
    }

    private static string? ReadFields(JsonElement root, out InstallAppRequest? request)
    {
        request = null;
        if (!JsonFields.TryString(root, "object_name", MaxObjectLength, out string package, out string? error)
            || !JsonFields.TryString(root, "file_name", MaxObjectLength, out string fileName, out error)
            || !JsonFields.TryString(root, "object_version", MaxObjectLength, out string version, out error)
            || !JsonFields.TryString(root, "object_size", int.MaxValue, out _, out error)
            || !JsonFields.TryString(root, "biz_type", MaxTypeLength, out string bizType, out error))
        {
            return error;
        }

        if (!string.Equals(bizType, "apk", StringComparison.Ordinal))
        {
            return $"'biz_type' must be 'apk', got '{bizType}'";
        }

        if (!JsonFields.TryOptionalString(root, "content_type", MaxTypeLength, out _, out error)
            || !JsonFields.TryOptionalString(root, "content_md5", MaxMd5Length, out _, out error)
            || !JsonFields.TryString(root, "install_package_url", MaxUrlLength, out _, out error))
        {
            return error;
        }

        InstanceIdListResult list = InstanceIdListReader.ReadList(root, "instance_id_list");
        if (list.Ids is null)
        {
            return list.Error;
        }

        // The listed name is the file name without its extension: "meituan.apk" lists as "meituan".
        string name = Path.GetFileNameWithoutExtension(fileName);
        var app = new AppEntry(name.Length > 0 ? name : fileName, version, package, AppEntry.IconFor(package), AppEntry.ThirdPartyApp);
        request = new InstallAppRequest(app, list.Ids);
        return null;
    }
}
