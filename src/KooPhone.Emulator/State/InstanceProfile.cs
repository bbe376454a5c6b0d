using System;
using System.Collections.Generic;
using System.Globalization;

namespace KooPhone.Emulator.State;

/// <summary>
/// The read-only, seed-derived facts about instances: every value here is a pure function of
/// (seed, index), computed on demand instead of stored, which is what keeps a million
/// instances cheap. Values are plausible rather than real (see docs/emulator.md).
/// </summary>
public sealed class InstanceProfile
{
    /// <summary>The tenant account that owns all instances.</summary>
    public const string AccountName = "koophone-emulator";

    /// <summary>billing_mode of yearly/monthly instances; the reference leaves the values undocumented, this is Huawei Cloud's usual name.</summary>
    public const string PrePaid = "prePaid";

    /// <summary>billing_mode of pay-per-use instances (Huawei Cloud's usual name), which DeleteInstance refuses.</summary>
    public const string PostPaid = "postPaid";

    /// <summary>The image of every seeded instance.</summary>
    public const string SeededOs = "AOSP11";

    /// <summary>pool_scene_tag of every instance: the emulator has cloud phones only.</summary>
    public const string SceneTag = "CLOUD_PHONE";

    /// <summary>The node group of created instances (pool_name); the reference documents no names.</summary>
    public const string CreatedPoolName = "pool-1";

    private const string NamePrefix = "phone-";

    // Seeded instances were created an hour apart from this moment on, in seed order.
    private static readonly long CreatedBase = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private static readonly string[] Skus =
    {
        "Professional | 8 vCPUs | 16 GB | 10 GB storage | max 720p",
        "Professional | 8 vCPUs | 16 GB | 32 GB storage | max 1080p",
        "Enterprise | 16 vCPUs | 32 GB | 64 GB storage | max 1080p",
    };

    private readonly ulong seed;
    private readonly IReadOnlyList<RegionInfo> regions;

    /// <summary>
    /// Creates the profile for <paramref name="seed"/>. The project is the one IAM scopes tokens to
    /// and AK/SK requests name in X-Project-Id, so the instances report the same one. Seeded
    /// instances take the <paramref name="regions"/> (at least one) in turn (--regions).
    /// </summary>
    public InstanceProfile(int seed, string projectId, string projectName, IReadOnlyList<RegionInfo> regions)
    {
        this.seed = (ulong)(uint)seed;
        this.regions = regions.Count > 0 ? regions : throw new ArgumentException("at least one region is needed", nameof(regions));
        ProjectId = projectId;
        ProjectName = projectName;
    }

    /// <summary>The tenant's project ID, the same for all instances.</summary>
    public string ProjectId { get; }

    /// <summary>The project's name, the same for all instances.</summary>
    public string ProjectName { get; }

    /// <summary>instance_name: phone-00001, phone-00002, … (more digits past 99999).</summary>
    public static string Name(int index) => NamePrefix + (index + 1).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Inverts <see cref="Name"/>; false for any string <see cref="Name"/> never produces.</summary>
    public static bool TryParseName(string name, int count, out int index)
    {
        index = -1;
        if (!name.StartsWith(NamePrefix, StringComparison.Ordinal)
            || !int.TryParse(name.AsSpan(NamePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            || number < 1 || number > count)
        {
            return false;
        }

        // Round-trip so that "phone-1" or "phone-000001" do not match phone-00001 (exact filter).
        if (!string.Equals(Name(number - 1), name, StringComparison.Ordinal))
        {
            return false;
        }

        index = number - 1;
        return true;
    }

    /// <summary>The creation time (Unix seconds) of a seeded instance: 2025-01-01 00:00:00 UTC, plus one hour per position.</summary>
    public static long SeededCreatedAt(int index) => CreatedBase + (long)index * 3600;

    /// <summary>The node group of a seeded instance: pool-1 and pool-2 in turn (phone-00001 in pool-1).</summary>
    public static string SeededPoolName(int index) => index % 2 == 0 ? CreatedPoolName : "pool-2";

    /// <summary>billing_mode of a seeded instance: every 10th (positions 10, 20, … counted from 1) is pay-per-use.</summary>
    public static string BillingMode(int index) => (index + 1) % 10 == 0 ? PostPaid : PrePaid;

    /// <summary>The region of the seeded instance at <paramref name="index"/>: the --regions in turn, round-robin.</summary>
    public RegionInfo SeededRegion(int index) => regions[index % regions.Count];

    /// <summary>The apps an instance starts with (5 system, 3 third-party chosen by the seed), as a fresh list the caller may change.</summary>
    public List<AppEntry> SeededApps(int index, string os) => SeededAppList.Build(SeedHash.Mix(seed, (ulong)index * 4), os);

    /// <summary>instance_sku for the instance at <paramref name="index"/>.</summary>
    public string Sku(int index) => Skus[(int)(SeedHash.Mix(seed, (ulong)index * 4 + 1) % (ulong)Skus.Length)];

    /// <summary>phone_id: 32 hex characters, unique per instance.</summary>
    // The first half alone is unique: SeedHash.Mix is a bijection of its second argument for a fixed seed.
    public string PhoneId(int index) => Hex32(SeedHash.Mix(seed, (ulong)index * 4 + 2), SeedHash.Mix(~seed, (ulong)index));

    /// <summary>The 19-digit user ID an assigned instance reports, e.g. 1008600000104285462.</summary>
    public string DerivedUser(int index) =>
        (1008600000000000000UL + (SeedHash.Mix(seed, (ulong)index * 4 + 3) % 100000000000000UL)).ToString(CultureInfo.InvariantCulture);

    /// <summary>member_name for a user ID: empty when unassigned.</summary>
    public static string MemberName(string assignUser) =>
        assignUser.Length == 0 ? string.Empty : "user-" + assignUser.Substring(Math.Max(0, assignUser.Length - 6));

    private static string Hex32(ulong high, ulong low) =>
        high.ToString("x16", CultureInfo.InvariantCulture) + low.ToString("x16", CultureInfo.InvariantCulture);
}
