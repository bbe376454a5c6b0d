namespace KooPhone.Emulator.Api;

/// <summary>A CreateInstance body (docs/api-reference.md §5.9) whose fields have the right types and ranges; the catalog checks come next (<see cref="OrderValidator"/>). bandSize, network and nodeGroupId are checked but not kept: nothing the emulator does depends on them.</summary>
public sealed record CreateInstanceRequest(
    string Os,
    string InstanceSkuId,
    string BandSkuId,
    string RegionId,
    string InstanceNamePrefix,
    int Count,
    int PeriodType,
    int PeriodNum,
    bool AutoPay);
