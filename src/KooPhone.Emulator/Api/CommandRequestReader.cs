using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Reads {"command","instance_ids"} (SyncInvokeInstance, AsyncInvokeInstance). The command is 1
/// to 1024 UTF-8 bytes of letters, digits and _ . / : - (docs/api-reference.md §5.1), plus spaces, which the official
/// example itself uses (docs/api-reference.md §10 item 19). Anything else, such as | ; &gt; or quotes, is refused.
/// </summary>
public static class CommandRequestReader
{
    /// <summary>The longest command in UTF-8 bytes.</summary>
    public const int MaxCommandBytes = 1024;

    private const string AllowedPunctuation = "_./:- ";

    /// <summary>The command and IDs, or the rule they break.</summary>
    public static bool TryRead(JsonElement root, out string command, out IReadOnlyList<string> ids, out string? error)
    {
        ids = System.Array.Empty<string>();
        if (!JsonFields.TryString(root, "command", int.MaxValue, out command, out error))
        {
            return false;
        }

        int bytes = Encoding.UTF8.GetByteCount(command);
        if (bytes > MaxCommandBytes)
        {
            error = $"'command' is {bytes} UTF-8 bytes long; at most {MaxCommandBytes} are allowed";
            return false;
        }

        for (int i = 0; i < command.Length; i++)
        {
            if (!IsAllowed(command[i]))
            {
                error = $"'command' contains '{command[i]}' at position {i}; only letters, digits, spaces and _ . / : - are allowed";
                return false;
            }
        }

        InstanceIdListResult list = InstanceIdListReader.ReadList(root, InstanceIdListReader.InstanceIdsField);
        error = list.Error;
        ids = list.Ids ?? ids;
        return list.Ids is not null;
    }

    private static bool IsAllowed(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || AllowedPunctuation.Contains(c);
}
