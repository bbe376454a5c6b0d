using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// The fixed SKUs the emulated tenant can buy: in each of the two regions an ENTERPRISE and a
/// PROFESSIONAL edition (the docs' names, docs/api-reference.md §10 item 14), each with AOSP11 and AOSP14 pools, plus
/// one bandwidth SKU. IDs imitate Huawei's CBC "OFFI…" SKU IDs and never change.
/// </summary>
public static class SkuCatalog
{
    /// <summary>Edition name of the larger SKU.</summary>
    public const string Enterprise = "ENTERPRISE";

    /// <summary>Edition name of the smaller SKU.</summary>
    public const string Professional = "PROFESSIONAL";

    /// <summary>The one bandwidth SKU: CreateInstance's bandSkuId must be exactly this.</summary>
    public const string BandwidthSkuId = "OFFI863000000000000001";

    /// <summary>The bandwidth choices in Mbit/s, as BatchShowSku lists them.</summary>
    public const string BandSizes = "2,4,8";

    /// <summary>The images CreateInstance accepts (SDK and zh .md, docs/api-reference.md §10 item 11).</summary>
    public static readonly string[] OsVersions = { "AOSP11", "AOSP14" };

    /// <summary>Every SKU, grouped by region in <see cref="RegionCatalog.All"/> order.</summary>
    public static IReadOnlyList<SkuDefinition> All => Skus;

    private static readonly SkuDefinition[] Skus = Build();

    /// <summary>The SKU with <paramref name="cbcSkuId"/>, in whichever region, or null.</summary>
    public static SkuDefinition? Find(string cbcSkuId) =>
        Array.Find(Skus, s => string.Equals(s.CbcSkuId, cbcSkuId, StringComparison.Ordinal));

    private static SkuDefinition[] Build()
    {
        var skus = new List<SkuDefinition>();
        int poolId = 0;
        for (int r = 0; r < RegionCatalog.All.Length; r++)
        {
            RegionInfo region = RegionCatalog.All[r];
            string regionDigit = (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            skus.Add(new SkuDefinition(region, Enterprise, "OFFI8630000000000" + regionDigit + "0101", "kp.enterprise.16u32g",
                16, 32, 64, "1080p", Pools(region, "ent", ref poolId)));
            skus.Add(new SkuDefinition(region, Professional, "OFFI8630000000000" + regionDigit + "0102", "kp.professional.8u16g",
                8, 16, 32, "1080p", Pools(region, "pro", ref poolId)));
        }

        return skus.ToArray();
    }

    private static AospPoolDefinition[] Pools(RegionInfo region, string edition, ref int poolId)
    {
        var pools = new AospPoolDefinition[OsVersions.Length];
        for (int i = 0; i < pools.Length; i++)
        {
            string version = OsVersions[i];
            pools[i] = new AospPoolDefinition(
                version, "pool-" + region.Id + "-" + edition + "-" + version.ToLowerInvariant(), ++poolId, "EIP", true);
        }

        return pools;
    }
}
