using System.Text.Json;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Typed reads of body fields, each failing with a message that names the field and the rule.
/// A JSON null counts as missing. <c>label</c> is the name used in messages (e.g. chargeParam.periodNum).
/// </summary>
public static class JsonFields
{
    /// <summary>Whether <paramref name="name"/> is present and not null.</summary>
    public static bool IsPresent(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>A required string of 1 to <paramref name="maxLength"/> characters.</summary>
    public static bool TryString(JsonElement obj, string name, int maxLength, out string value, out string? error, string? label = null)
    {
        label ??= name;
        value = string.Empty;
        if (!obj.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            error = $"missing required field '{label}'";
            return false;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"'{label}' must be a string";
            return false;
        }

        value = element.GetString()!;
        error = value.Length == 0
            ? $"'{label}' must not be empty"
            : value.Length > maxLength ? $"'{label}' is {value.Length} characters long; at most {maxLength} are allowed" : null;
        return error is null;
    }

    /// <summary>An optional string of at most <paramref name="maxLength"/> characters (empty allowed); null when absent.</summary>
    public static bool TryOptionalString(JsonElement obj, string name, int maxLength, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!IsPresent(obj, name))
        {
            return true;
        }

        JsonElement element = obj.GetProperty(name);
        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"'{name}' must be a string";
            return false;
        }

        value = element.GetString()!;
        if (value.Length > maxLength)
        {
            error = $"'{name}' is {value.Length} characters long; at most {maxLength} are allowed";
            return false;
        }

        return true;
    }

    /// <summary>A required integer (a JSON number without fraction).</summary>
    public static bool TryInt(JsonElement obj, string name, out int value, out string? error, string? label = null)
    {
        label ??= name;
        value = 0;
        if (!obj.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            error = $"missing required field '{label}'";
            return false;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out value))
        {
            error = $"'{label}' must be an integer";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>A required number.</summary>
    public static bool TryNumber(JsonElement obj, string name, out double value, out string? error)
    {
        value = 0;
        if (!obj.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            error = $"missing required field '{name}'";
            return false;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out value))
        {
            error = $"'{name}' must be a number";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>A required value of <paramref name="kind"/> (an object or an array).</summary>
    public static bool TryElement(JsonElement obj, string name, JsonValueKind kind, out JsonElement value, out string? error, string? label = null)
    {
        label ??= name;
        if (!obj.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            error = $"missing required field '{label}'";
            return false;
        }

        if (value.ValueKind != kind)
        {
            error = $"'{label}' must be {(kind == JsonValueKind.Array ? "an array" : "an object")}";
            return false;
        }

        error = null;
        return true;
    }
}
