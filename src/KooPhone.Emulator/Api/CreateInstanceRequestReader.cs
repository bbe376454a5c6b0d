using System;
using System.Text.Json;
using KooPhone.Emulator.State;

namespace KooPhone.Emulator.Api;

/// <summary>
/// Reads CreateInstance's camelCase body (docs/api-reference.md §5.9): a missing os is KOOPHONE.API.3003, every other
/// broken type or range a 400 naming it. Whether the SKU, region and period fit together is
/// <see cref="OrderValidator"/>'s job.
/// </summary>
public static class CreateInstanceRequestReader
{
    /// <summary>Most instances one order may create: the SDK's 2000, not the API page's 1500 (docs/emulator.md, Assumptions).</summary>
    public const int MaxCount = 2000;

    /// <summary>Longest instanceNamePrefix.</summary>
    public const int MaxNamePrefixLength = 14;

    /// <summary>periodType: months.</summary>
    public const int Monthly = 2;

    /// <summary>periodType: years.</summary>
    public const int Yearly = 3;

    private const int MaxIdLength = 64;

    /// <summary>The request, or the answer to give instead.</summary>
    public static bool TryRead(JsonElement root, out CreateInstanceRequest? request, out KooPhoneJsonResult? error)
    {
        request = null;
        error = null;
        if (!JsonFields.IsPresent(root, "os"))
        {
            error = ApiResults.BusinessError(ApiErrorCodes.OsRequired, "'os' is required for this instance type: AOSP11 or AOSP14");
            return false;
        }

        string? message = ReadFields(root, out request);
        if (message is not null)
        {
            error = ApiResults.InvalidParameter(message);
            return false;
        }

        return true;
    }

    private static string? ReadFields(JsonElement root, out CreateInstanceRequest? request)
    {
        request = null;
        if (!JsonFields.TryString(root, "os", MaxIdLength, out string os, out string? error))
        {
            return error;
        }

        if (Array.IndexOf(SkuCatalog.OsVersions, os) < 0)
        {
            return $"'os' must be AOSP11 or AOSP14, got '{os}'";
        }

        if (!JsonFields.TryString(root, "instanceSkuId", MaxIdLength, out string instanceSkuId, out error)
            || !JsonFields.TryString(root, "bandSkuId", MaxIdLength, out string bandSkuId, out error)
            || !JsonFields.TryString(root, "regionId", MaxIdLength, out string regionId, out error)
            || !JsonFields.TryString(root, "instanceNamePrefix", MaxNamePrefixLength, out string prefix, out error)
            || !JsonFields.TryNumber(root, "bandSize", out double bandSize, out error)
            || !JsonFields.TryInt(root, "count", out int count, out error))
        {
            return error;
        }

        if (!(bandSize > 0))
        {
            return $"'bandSize' must be greater than 0, got {bandSize}";
        }

        if (count < 1 || count > MaxCount)
        {
            return $"'count' must be from 1 to {MaxCount}, got {count}";
        }

        if (!JsonFields.TryElement(root, "chargeParam", JsonValueKind.Object, out JsonElement charge, out error)
            || !JsonFields.TryInt(charge, "chargingMode", out int chargingMode, out error, "chargeParam.chargingMode")
            || !JsonFields.TryInt(charge, "periodType", out int periodType, out error, "chargeParam.periodType")
            || !JsonFields.TryInt(charge, "periodNum", out int periodNum, out error, "chargeParam.periodNum")
            || !TryFlag(charge, "isAutoPay", out bool autoPay, out error)
            || !TryFlag(charge, "isAutoRenew", out _, out error))
        {
            return error;
        }

        if (chargingMode != 1)
        {
            return $"'chargeParam.chargingMode' must be 1 (yearly/monthly, the only mode), got {chargingMode}";
        }

        if (periodType is not (Monthly or Yearly))
        {
            return $"'chargeParam.periodType' must be 2 (month) or 3 (year), got {periodType}";
        }

        if (!JsonFields.TryOptionalString(root, "network", MaxIdLength, out string? network, out error)
            || !JsonFields.TryOptionalString(root, "nodeGroupId", MaxIdLength, out _, out error))
        {
            return error;
        }

        if (network is not (null or "EIP" or "ADN"))
        {
            return $"'network' must be EIP or ADN, got '{network}'";
        }

        request = new CreateInstanceRequest(os, instanceSkuId, bandSkuId, regionId, prefix, count, periodType, periodNum, autoPay);
        return null;
    }

    // isAutoPay / isAutoRenew: optional, 0 (the default) or 1.
    private static bool TryFlag(JsonElement charge, string name, out bool value, out string? error)
    {
        value = false;
        error = null;
        if (!JsonFields.IsPresent(charge, name))
        {
            return true;
        }

        if (!JsonFields.TryInt(charge, name, out int flag, out error, "chargeParam." + name) || flag is not (0 or 1))
        {
            error ??= $"'chargeParam.{name}' must be 0 or 1, got {flag}";
            return false;
        }

        value = flag == 1;
        return true;
    }
}
