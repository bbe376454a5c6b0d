using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KooPhone.Emulator.Faults;

/// <summary>
/// Parses the command-line form of a fault rule, e.g.
/// <c>kind=status,status=503,times=2,path=/v1/instances/backup,retryAfter=2</c>. The pairs are
/// turned into the JSON object the admin API takes and read by <see cref="FaultRuleReader"/>, so
/// both forms follow exactly the same rules.
/// </summary>
public static class FaultSpecParser
{
    /// <summary>Parses <paramref name="spec"/> into a rule, or explains what is wrong with it.</summary>
    public static bool TryParse(string spec, out FaultRule? rule, out string? error)
    {
        rule = null;
        var json = new JsonObject();
        string? lastKey = null;
        foreach (string piece in spec.Split(','))
        {
            int equals = piece.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                // An HTTP-date has a comma of its own ("Wed, 21 Oct 2026 07:28:00 GMT"): a piece
                // without '=' continues the previous value.
                if (lastKey is null)
                {
                    error = $"'{piece}' is not key=value in fault spec '{spec}'";
                    return false;
                }

                json[lastKey] = json[lastKey]!.GetValue<string>() + "," + piece;
                continue;
            }

            string key = piece.Substring(0, equals).Trim();
            string value = piece.Substring(equals + 1).Trim();
            if (json.ContainsKey(key))
            {
                error = $"'{key}' given more than once in fault spec '{spec}'";
                return false;
            }

            // Keep text values as strings until the end so an HTTP-date can still be continued.
            json[key] = value;
            lastKey = key;
        }

        foreach (string numeric in new[] { "times", "every", "status", "delayMs", "rate" })
        {
            if (json[numeric] is JsonNode node)
            {
                json[numeric] = ToNumber(node.GetValue<string>());
            }
        }

        return FaultRuleReader.TryRead(JsonSerializer.SerializeToElement(json), out rule, out error);
    }

    // A value that is not a number stays a string, so the reader reports it with the usual message.
    private static JsonNode ToNumber(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
        {
            return JsonValue.Create(whole);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }
}
