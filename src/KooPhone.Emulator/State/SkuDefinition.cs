using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>One purchasable instance specification of BatchShowSku (docs/api-reference.md §5.7), in one region.</summary>
public sealed record SkuDefinition(
    RegionInfo Region,
    string Type,
    string CbcSkuId,
    string Name,
    int VCpus,
    int MemoryGb,
    int StorageGb,
    string MaxResolution,
    IReadOnlyList<AospPoolDefinition> Pools)
{
    /// <summary>calcSpec: "CPU | memory".</summary>
    public string CalcSpec => VCpus + " vCPUs | " + MemoryGb + " GB";

    /// <summary>storageSpec.</summary>
    public string StorageSpec => StorageGb + " GB";

    /// <summary>The instance_sku text ListInstances shows for instances of this SKU, like the seeded ones.</summary>
    public string InstanceSkuText =>
        (Type == SkuCatalog.Enterprise ? "Enterprise" : "Professional") + " | " + CalcSpec + " | " + StorageSpec + " storage | max " + MaxResolution;
}
