using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace KooPhone.Emulator.Api;

/// <summary>Query parameter reads with messages naming the parameter and its rule. An empty value counts as absent.</summary>
public static class QueryParameters
{
    /// <summary>The first non-empty value of <paramref name="values"/>, or null.</summary>
    public static string? NonEmpty(StringValues values) =>
        values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary>A required integer from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static bool TryRequiredInt(IQueryCollection query, string name, int min, int max, out int value, out string? error)
    {
        if (NonEmpty(query[name]) is null)
        {
            value = 0;
            error = $"missing required query parameter '{name}'";
            return false;
        }

        bool ok = TryOptionalInt(query, name, min, max, out int? parsed, out error);
        value = parsed ?? 0;
        return ok;
    }

    /// <summary>An optional integer from <paramref name="min"/> to <paramref name="max"/>; null when absent.</summary>
    public static bool TryOptionalInt(IQueryCollection query, string name, int min, int max, out int? value, out string? error)
    {
        value = null;
        error = null;
        string? text = NonEmpty(query[name]);
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed >= min && parsed <= max)
        {
            value = parsed;
            return true;
        }

        error = max == int.MaxValue ? $"query parameter '{name}' must be an integer of at least {min}, got '{text}'"
            : max == min + 1 ? $"query parameter '{name}' must be {min} or {max}, got '{text}'"
            : $"query parameter '{name}' must be an integer from {min} to {max}, got '{text}'";
        return false;
    }
}
