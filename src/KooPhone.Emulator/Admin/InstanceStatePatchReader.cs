using System.Text.Json;
using KooPhone.Emulator.State;

namespace KooPhone.Emulator.Admin;

/// <summary>
/// Reads the admin state body, e.g. {"running_status":1}. Strict: an unknown field or a value of
/// the wrong type is an error, so a test's typo cannot silently leave the state unchanged.
/// </summary>
public static class InstanceStatePatchReader
{
    /// <summary>The fields a patch may set.</summary>
    public const string SupportedFields =
        "running_status, frozen_status, login_status, assign_status, assign_user, backup_status, backup_time, restore_status, restore_time";

    /// <summary>Converts <paramref name="root"/> into a patch, or explains what is wrong with it.</summary>
    public static bool TryRead(JsonElement root, out InstanceStatePatch patch, out string? error)
    {
        var result = new InstanceStatePatch();
        patch = result;
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "body must be a JSON object";
            return false;
        }

        foreach (JsonProperty property in root.EnumerateObject())
        {
            JsonElement value = property.Value;
            bool ok = property.Name switch
            {
                "running_status" => TryStatus(value, v => result.RunningStatus = v),
                "frozen_status" => TryStatus(value, v => result.FrozenStatus = v),
                "login_status" => TryStatus(value, v => result.LoginStatus = v),
                "assign_status" => TryStatus(value, v => result.AssignStatus = v),
                "backup_status" => TryStatus(value, v => result.BackupStatus = v),
                "restore_status" => TryStatus(value, v => result.RestoreStatus = v),
                "backup_time" => TryTime(value, v => result.BackupTime = v),
                "restore_time" => TryTime(value, v => result.RestoreTime = v),
                "assign_user" => TryUser(value, result),
                _ => false,
            };

            if (!ok)
            {
                error = IsSupported(property.Name)
                    ? $"field '{property.Name}' has an invalid value: {value.GetRawText()}"
                    : $"unknown field '{property.Name}'; supported: {SupportedFields}";
                return false;
            }
        }

        return true;
    }

    private static bool IsSupported(string name) => name is "running_status" or "frozen_status" or "login_status"
        or "assign_status" or "assign_user" or "backup_status" or "backup_time" or "restore_status" or "restore_time";

    // Statuses are stored as sbyte; any value in that range is accepted so tests can try
    // values the reference does not list (e.g. status 6/7 of docs/api-reference.md §10 item 10).
    private static bool TryStatus(JsonElement value, System.Action<sbyte> set)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetSByte(out sbyte status))
        {
            set(status);
            return true;
        }

        return false;
    }

    private static bool TryTime(JsonElement value, System.Action<long> set)
    {
        if (value.ValueKind == JsonValueKind.String && EmulatorTime.TryParseUnixSeconds(value.GetString()!, out long seconds))
        {
            set(seconds);
            return true;
        }

        return false;
    }

    private static bool TryUser(JsonElement value, InstanceStatePatch patch)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length <= 32)
        {
            patch.AssignUser = value.GetString();
            return true;
        }

        return false;
    }
}
