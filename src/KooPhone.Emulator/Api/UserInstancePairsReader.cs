using System;
using System.Collections.Generic;
using System.Text.Json;
using KooPhone.Emulator.State;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Reads {"user_instances":[{"user_id","instance_id"}…]} (ProvisionInstance, CancelInstance):
/// 1 to 100 pairs, both IDs 1 to 32 characters (docs/api-reference.md §3.7), and no instance twice, since one
/// request cannot sensibly bind an instance to two users. CancelInstance's count limit is not
/// documented (docs/api-reference.md §11 item 14); it takes ProvisionInstance's.
/// </summary>
public static class UserInstancePairsReader
{
    private const string Field = "user_instances";

    /// <summary>The pairs in request order, or the rule they break.</summary>
    public static bool TryRead(JsonElement root, out UserInstancePair[] pairs, out string? error)
    {
        pairs = Array.Empty<UserInstancePair>();
        if (!JsonFields.TryElement(root, Field, JsonValueKind.Array, out JsonElement list, out error))
        {
            return false;
        }

        int count = list.GetArrayLength();
        if (count == 0 || count > InstanceIdListReader.MaxIds)
        {
            error = count == 0
                ? $"'{Field}' must not be empty"
                : $"'{Field}' has {count} entries; at most {InstanceIdListReader.MaxIds} are allowed";
            return false;
        }

        var read = new UserInstancePair[count];
        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        int i = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            string label = $"{Field}[{i}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                error = $"'{label}' must be an object with 'user_id' and 'instance_id'";
                return false;
            }

            if (!JsonFields.TryString(item, "user_id", InstanceIdListReader.MaxIdLength, out string userId, out error, label + ".user_id")
                || !JsonFields.TryString(item, "instance_id", InstanceIdListReader.MaxIdLength, out string instanceId, out error, label + ".instance_id"))
            {
                return false;
            }

            if (!seen.Add(instanceId))
            {
                error = $"'{Field}' names the instance '{instanceId}' more than once";
                return false;
            }

            read[i++] = new UserInstancePair(userId, instanceId);
        }

        pairs = read;
        return true;
    }
}
