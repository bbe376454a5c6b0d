using System;
using System.Text.Json;
using KooPhone.Emulator.Api;

namespace KooPhone.Emulator.Hosting;

/// <summary>
/// Reads a POST /_emulator/options body: any subset of the settings' fields, applied on top of
/// the settings in force. Strict like the fault rules: an unknown field or a bad value is an
/// error and changes nothing, so a test with a typo fails instead of running unchanged.
/// </summary>
public static class RunTimeSettingsReader
{
    private const string Fields = "visibilityLagMs, deleteLagMs, listingChurn, timeZoneOffset, responseRequestId, refusalIds, rejectedBatches";

    /// <summary>The settings with the body's fields applied, or null and the problem.</summary>
    public static RunTimeSettings? TryApply(JsonElement body, RunTimeSettings current, out string? error)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = "body must be a JSON object with any of " + Fields;
            return null;
        }

        int visibilityLagMs = current.VisibilityLagMs;
        int deleteLagMs = current.DeleteLagMs;
        int listingChurn = current.ListingChurn;
        TimeSpan offset = current.UtcOffset;
        bool ownRequestId = current.OwnRequestId;
        RefusalIdNaming refusalIdNaming = current.RefusalIdNaming;
        bool partlyApply = current.PartlyApplyRejectedBatches;
        foreach (JsonProperty property in body.EnumerateObject())
        {
            JsonElement value = property.Value;
            error = property.Name switch
            {
                "visibilityLagMs" => ReadLag(property.Name, value, ref visibilityLagMs),
                "deleteLagMs" => ReadLag(property.Name, value, ref deleteLagMs),
                "listingChurn" => ReadChurn(value, ref listingChurn),
                "timeZoneOffset" => ReadOffset(value, ref offset),
                "responseRequestId" => ReadRequestIdMode(value, ref ownRequestId),
                "refusalIds" => ReadRefusalIds(value, ref refusalIdNaming),
                "rejectedBatches" => ReadRejectedBatches(value, ref partlyApply),
                _ => $"unknown field '{property.Name}'; supported: {Fields}",
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
            ListingChurn = listingChurn,
            UtcOffset = offset,
            OwnRequestId = ownRequestId,
            RefusalIdNaming = refusalIdNaming,
            PartlyApplyRejectedBatches = partlyApply,
        };
    }

    /// <summary>Parses the --response-request-id / responseRequestId value: "echo" or "own".</summary>
    public static bool TryParseRequestIdMode(string text, out bool own)
    {
        own = text == "own";
        return text is "echo" or "own";
    }

    /// <summary>Parses the --rejected-batches / rejectedBatches value: "untouched" or "partly-applied".</summary>
    public static bool TryParseRejectedBatches(string text, out bool partlyApply)
    {
        partlyApply = text == RunTimeSettings.PartlyApplied;
        return text is RunTimeSettings.Untouched or RunTimeSettings.PartlyApplied;
    }

    private static string? ReadChurn(JsonElement value, ref int churn)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && Math.Abs(number) <= RunTimeSettings.MaxListingChurn)
        {
            churn = number;
            return null;
        }

        return $"'listingChurn' must be an integer from -{RunTimeSettings.MaxListingChurn} to {RunTimeSettings.MaxListingChurn}";
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

    private static string? ReadRefusalIds(JsonElement value, ref RefusalIdNaming naming)
    {
        if (value.ValueKind == JsonValueKind.String && RefusalIdNamingText.TryParse(value.GetString()!, out RefusalIdNaming parsed))
        {
            naming = parsed;
            return null;
        }

        return $"'refusalIds' must be {RefusalIdNamingText.Rule}, got {value.GetRawText()}";
    }

    private static string? ReadRejectedBatches(JsonElement value, ref bool partlyApply)
    {
        if (value.ValueKind == JsonValueKind.String && TryParseRejectedBatches(value.GetString()!, out bool parsed))
        {
            partlyApply = parsed;
            return null;
        }

        return $"'rejectedBatches' must be \"untouched\" or \"partly-applied\", got {value.GetRawText()}";
    }
}
