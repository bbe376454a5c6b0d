using System;

namespace KooPhone.Emulator.State;

/// <summary>
/// The two regions the SDK maps KooPhone to (docs/api-reference.md §2.1, §9), where CreateInstance orders: seeded
/// instances live in the first unless --regions names others (<see cref="RegionDirectory"/>).
/// </summary>
public static class RegionCatalog
{
    /// <summary>cn-north-4 (Beijing 4), where seeded instances live by default.</summary>
    public static readonly RegionInfo NorthBeijing4 = new("cn-north-4", "华北-北京四", "CN North-Beijing4");

    /// <summary>cn-south-1 (Guangzhou).</summary>
    public static readonly RegionInfo SouthGuangzhou = new("cn-south-1", "华南-广州", "CN South-Guangzhou");

    /// <summary>Both regions, in the order BatchShowSku lists them.</summary>
    public static readonly RegionInfo[] All = { NorthBeijing4, SouthGuangzhou };

    /// <summary>The region with ID <paramref name="id"/> (exact, case-sensitive), or null.</summary>
    public static RegionInfo? Find(string id) => Array.Find(All, r => string.Equals(r.Id, id, StringComparison.Ordinal));
}
