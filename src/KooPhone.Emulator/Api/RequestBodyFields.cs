using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace KooPhone.Emulator.Api;

/// <summary>
/// The names of the members a request body carries, for the request log, so a test can see what
/// a client sent and what it left out (an optional field the user never gave, say). Names only,
/// never values: a body may hold a command or a URL. Nested members are joined with '.', and the
/// members of an array's objects are named once under "name[]", e.g. chargeParam.isAutoPay or
/// instance_settings[].network_type. Sorted, each name once.
/// </summary>
public static class RequestBodyFields
{
    /// <summary>The member names of <paramref name="root"/>, or null when it is not an object.</summary>
    public static string[]? Of(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        Collect(root, string.Empty, names);
        return names.ToArray();
    }

    private static void Collect(JsonElement element, string prefix, ISet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty member in element.EnumerateObject())
                {
                    string name = prefix.Length == 0 ? member.Name : prefix + "." + member.Name;
                    names.Add(name);
                    Collect(member.Value, name, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Collect(item, prefix + "[]", names);
                }

                break;
        }
    }
}
