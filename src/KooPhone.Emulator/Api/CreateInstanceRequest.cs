namespace KooPhone.Emulator.Api;

/// <summary>A CreateInstance body (docs/api-reference.md §5.9) whose fields have the right types and ranges; the catalog checks come next (<see cref="OrderValidator"/>).</summary>
public sealed record CreateInstanceRequest(
    string Os,
    string InstanceSkuId,
    string BandSkuId,
    string RegionId,
    string InstanceNamePrefix,
    double BandSize,
    int Count,
    int PeriodType,
    int PeriodNum,
    bool AutoPay);
