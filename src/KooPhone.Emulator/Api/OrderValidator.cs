using System;
using KooPhone.Emulator.State;

namespace KooPhone.Emulator.Api;

/// <summary>
/// CreateInstance's business checks, after the body's shape (docs/api-reference.md §5.9, §6.2): the region, the SKU
/// and the bandwidth SKU must be the catalog's and fit together (KOOPHONE.API.3002), and the
/// period must be 1–9 months (3006) or 1–3 years (3007).
/// </summary>
public static class OrderValidator
{
    /// <summary>The order to place, or the answer to give instead.</summary>
    public static bool TryValidate(CreateInstanceRequest request, out InstanceOrder? order, out KooPhoneJsonResult? error)
    {
        order = null;
        error = null;
        RegionInfo? region = RegionCatalog.Find(request.RegionId);
        SkuDefinition? sku = SkuCatalog.Find(request.InstanceSkuId);
        string? problem = region is null ? $"no such region '{request.RegionId}'"
            : sku is null ? $"no such instance SKU '{request.InstanceSkuId}'"
            : !ReferenceEquals(sku.Region, region) ? $"instance SKU '{request.InstanceSkuId}' is not sold in region '{request.RegionId}'"
            : !string.Equals(request.BandSkuId, SkuCatalog.BandwidthSkuId, StringComparison.Ordinal) ? $"no such bandwidth SKU '{request.BandSkuId}'"
            : null;
        if (problem is not null)
        {
            error = ApiResults.BusinessError(ApiErrorCodes.NoSuchSkuOrRegion, problem);
            return false;
        }

        if (request.PeriodType == CreateInstanceRequestReader.Monthly && request.PeriodNum is < 1 or > 9)
        {
            error = ApiResults.BusinessError(ApiErrorCodes.MonthlyPeriodInvalid, $"a monthly period must be 1 to 9 months, got {request.PeriodNum}");
            return false;
        }

        if (request.PeriodType == CreateInstanceRequestReader.Yearly && request.PeriodNum is < 1 or > 3)
        {
            error = ApiResults.BusinessError(ApiErrorCodes.YearlyPeriodInvalid, $"a yearly period must be 1 to 3 years, got {request.PeriodNum}");
            return false;
        }

        order = new InstanceOrder(sku!, request.Os, request.InstanceNamePrefix, request.Count, request.AutoPay);
        return true;
    }
}
