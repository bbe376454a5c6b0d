using System;
using System.Text.Json;

namespace KooPhone.Emulator.Hosting;

/// <summary>
/// Reads a POST /_emulator/options body: any subset of the settings' fields, applied on top of
/// the settings in force. Strict like the fault rules: an unknown field or a bad value is an
/// error and changes nothing, so a test with a typo fails instead of running unchanged.
/// </summary>
public static class RunTimeSettingsReader
{
    /// <summary>The settings with the body's fields applied, or null and the problem.</summary>
    public static RunTimeSettings? TryApply(JsonElement body, RunTimeSettings current, out string? error)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = "body must be a JSON object with any of visibilityLagMs, deleteLagMs, timeZoneOffset, responseRequestId";
            return null;
        }

        int visibilityLagMs = current.VisibilityLagMs;
        int deleteLagMs = current.DeleteLagMs;
        TimeSpan offset = current.UtcOffset;
        bool ownRequestId = current.OwnRequestId;
        foreach (JsonProperty property in body.EnumerateObject())
        {
            JsonElement value = property.Value;
            error = property.Name switch
            {
                "visibilityLagMs" => ReadLag(property.Name, value, ref visibilityLagMs),
                "deleteLagMs" => ReadLag(property.Name, value, ref deleteLagMs),
                "timeZoneOffset" => ReadOffset(value, ref offset),
                "responseRequestId" => ReadRequestIdMode(value, ref ownRequestId),
                _ => $"unknown field '{property.Name}'; supported: visibilityLagMs, deleteLagMs, timeZoneOffset, responseRequestId",
            };

            if (error is not null)
            {
                return null;
            }
        }

        error = null;
        return new RunTimeSettings
        {
            VisibilityLagMs = visibilityLagMs,
            DeleteLagMs = deleteLagMs,
            UtcOffset = offset,
            OwnRequestId = ownRequestId,
        };
    }

    /// <summary>Parses the --response-request-id / responseRequestId value: "echo" or "own".</summary>
    public static bool TryParseRequestIdMode(string text, out bool own)
    {
        own = text == "own";
        return text is "echo" or "own";
    }

    private static string? ReadLag(string name, JsonElement value, ref int lag)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && number >= 0 && number <= RunTimeSettings.MaxLagMs)
        {
            lag = number;
            return null;
        }

        return $"'{name}' must be an integer from 0 to {RunTimeSettings.MaxLagMs}, got {value.GetRawText()}";
    }

    private static string? ReadOffset(JsonElement value, ref TimeSpan offset)
    {
        if (value.ValueKind == JsonValueKind.String && UtcOffsetText.TryParse(value.GetString()!, out TimeSpan parsed))
        {
            offset = parsed;
            return null;
        }

        return $"'timeZoneOffset' must be {UtcOffsetText.Rule}, got {value.GetRawText()}";
    }

    private static string? ReadRequestIdMode(JsonElement value, ref bool own)
    {
        if (value.ValueKind == JsonValueKind.String && TryParseRequestIdMode(value.GetString()!, out bool parsed))
        {
            own = parsed;
            return null;
        }

        return $"'responseRequestId' must be \"echo\" or \"own\", got {value.GetRawText()}";
    }
}
