using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KooPhone.Emulator.Api;

/// <summary>Formats offending IDs for an error message: at most ten, then "and N more".</summary>
public static class IdListText
{
    /// <summary>How many IDs a message names before summarising the rest.</summary>
    public const int MaxListed = 10;

    /// <summary>E.g. "a, b, c" or "a, …, j and 5 more".</summary>
    public static string Format(IReadOnlyList<string> ids)
    {
        var text = new StringBuilder();
        int listed = ids.Count < MaxListed ? ids.Count : MaxListed;
        for (int i = 0; i < listed; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(ids[i]);
        }

        if (ids.Count > listed)
        {
            text.Append(" and ").Append((ids.Count - listed).ToString(CultureInfo.InvariantCulture)).Append(" more");
        }

        return text.ToString();
    }
}
