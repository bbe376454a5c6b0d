using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// The app list an instance starts with: the same five AOSP system apps everywhere, plus three
/// third-party apps picked from a small pool by a seed-derived hash, so lists differ between
/// instances yet are the same on every run. Computed on demand, never stored.
/// </summary>
public static class SeededAppList
{
    private static readonly (string Name, string Package)[] SystemApps =
    {
        ("Settings", "com.android.settings"),
        ("Contacts", "com.android.contacts"),
        ("Camera", "com.android.camera2"),
        ("Clock", "com.android.deskclock"),
        ("Calculator", "com.android.calculator2"),
    };

    private static readonly (string Name, string Package, string Version)[] ThirdPartyPool =
    {
        ("WeChat", "com.tencent.mm", "8.0.58"),
        ("Alipay", "com.eg.android.AlipayGphone", "10.6.30"),
        ("Meituan", "com.sankuai.meituan", "12.30.405"),
        ("Douyin", "com.ss.android.ugc.aweme", "32.5.0"),
        ("Taobao", "com.taobao.taobao", "10.44.10"),
        ("QQ Music", "com.tencent.qqmusic", "13.10.0"),
        ("Baidu Maps", "com.baidu.BaiduMap", "19.8.0"),
        ("WPS Office", "cn.wps.moffice_eng", "18.14"),
    };

    private const int ThirdPartyCount = 3;

    /// <summary>Builds the list for an instance whose hash is <paramref name="hash"/> and image is <paramref name="os"/>.</summary>
    public static List<AppEntry> Build(ulong hash, string os)
    {
        // System apps carry the Android version of the image: "AOSP14" → "14".
        string systemVersion = os.StartsWith("AOSP", System.StringComparison.Ordinal) ? os.Substring(4) : os;
        var apps = new List<AppEntry>(SystemApps.Length + ThirdPartyCount);
        foreach ((string name, string package) in SystemApps)
        {
            apps.Add(new AppEntry(name, systemVersion, package, AppEntry.IconFor(package), AppEntry.SystemApp));
        }

        // A partial Fisher-Yates shuffle driven by the hash picks three distinct pool entries.
        int[] order = { 0, 1, 2, 3, 4, 5, 6, 7 };
        for (int i = 0; i < ThirdPartyCount; i++)
        {
            int remaining = order.Length - i;
            int pick = i + (int)(hash % (ulong)remaining);
            hash /= (ulong)remaining;
            (order[i], order[pick]) = (order[pick], order[i]);
            (string name, string package, string version) = ThirdPartyPool[order[i]];
            apps.Add(new AppEntry(name, version, package, AppEntry.IconFor(package), AppEntry.ThirdPartyApp));
        }

        return apps;
    }
}
