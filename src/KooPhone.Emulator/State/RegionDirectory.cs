using System;

namespace KooPhone.Emulator.State;

/// <summary>
/// The display names of the region codes --regions may seed instances in. KooPhone sells only in
/// <see cref="RegionCatalog"/>'s regions, but the console lists a few more, and a test may name
/// any code: one the emulator does not know is shown by its code, since the reference gives no
/// names to copy.
/// </summary>
public static class RegionDirectory
{
    private static readonly RegionInfo[] Known =
    {
        RegionCatalog.NorthBeijing4,
        RegionCatalog.SouthGuangzhou,
        new("cn-east-3", "华东-上海一", "CN East-Shanghai1"),
        new("cn-east-2", "华东-上海二", "CN East-Shanghai2"),
        new("cn-southwest-2", "西南-贵阳一", "CN Southwest-Guiyang1"),
        new("cn-north-1", "华北-北京一", "CN North-Beijing1"),
        new("ap-southeast-1", "中国-香港", "CN-Hong Kong"),
    };

    /// <summary>The region <paramref name="code"/> with its names, known or made from the code itself.</summary>
    public static RegionInfo Describe(string code) =>
        Array.Find(Known, r => string.Equals(r.Id, code, StringComparison.Ordinal)) ?? new RegionInfo(code, code, code);
}
