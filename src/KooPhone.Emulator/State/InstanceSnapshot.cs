using System;
using System.Text.Json.Serialization;

namespace KooPhone.Emulator.State;

/// <summary>
/// One instance as ListInstances' <c>data.result[]</c> shows it (docs/api-reference.md §5.15); the admin
/// API returns the same shape and more (<see cref="InstanceDetails"/>). Immutable: built from an
/// <see cref="InstanceState"/> copy.
/// </summary>
public class InstanceSnapshot
{
    /// <summary>Formats a captured state together with the seed-derived facts; times are written <paramref name="utcOffset"/> ahead of UTC.</summary>
    public InstanceSnapshot(int index, string id, InstanceState state, InstanceProfile profile, TimeSpan utcOffset)
    {
        // Created instances carry what their order fixed; seeded ones derive it from the index.
        CreatedInstance? created = state.Created;
        RegionInfo region = created?.Region ?? profile.SeededRegion(index);
        InstanceId = id;
        InstanceName = created?.Name ?? InstanceProfile.Name(index);
        Region = region.Id;
        RegionName = region.Name;
        RegionNameEn = region.NameEn;
        InstanceSku = created?.SkuText ?? profile.Sku(index);
        BillingMode = created is null ? InstanceProfile.BillingMode(index) : InstanceProfile.PrePaid;
        FrozenStatus = state.FrozenStatus;
        RunningStatus = state.RunningStatus;
        LoginStatus = state.LoginStatus;
        AssignStatus = state.AssignStatus;
        AssignUser = state.AssignUserOverride
            ?? (state.AssignStatus == StatusValues.Assigned ? profile.DerivedUser(index) : string.Empty);
        ProjectId = profile.ProjectId;
        ProjectName = profile.ProjectName;
        PhoneId = profile.PhoneId(index);
        MemberName = InstanceProfile.MemberName(AssignUser);
        BackupStatus = state.BackupStatus;
        BackupTime = EmulatorTime.FormatUnixSeconds(state.BackupTime, utcOffset);
        RestoreStatus = state.RestoreStatus;
        RestoreTime = EmulatorTime.FormatUnixSeconds(state.RestoreTime, utcOffset);
    }

    /// <summary>instance_id.</summary>
    [JsonPropertyName("instance_id")] public string InstanceId { get; }

    /// <summary>instance_name.</summary>
    [JsonPropertyName("instance_name")] public string InstanceName { get; }

    [JsonPropertyName("region")] public string Region { get; }

    /// <summary>instance_sku.</summary>
    [JsonPropertyName("instance_sku")] public string InstanceSku { get; }

    /// <summary>frozen_status.</summary>
    [JsonPropertyName("frozen_status")] public int FrozenStatus { get; }

    /// <summary>running_status.</summary>
    [JsonPropertyName("running_status")] public int RunningStatus { get; }

    /// <summary>login_status.</summary>
    [JsonPropertyName("login_status")] public int LoginStatus { get; }

    /// <summary>assign_status.</summary>
    [JsonPropertyName("assign_status")] public int AssignStatus { get; }

    /// <summary>assign_user; empty when unassigned.</summary>
    [JsonPropertyName("assign_user")] public string AssignUser { get; }

    /// <summary>billing_mode.</summary>
    [JsonPropertyName("billing_mode")] public string BillingMode { get; }

    /// <summary>project_id.</summary>
    [JsonPropertyName("project_id")] public string ProjectId { get; }

    /// <summary>project_name.</summary>
    [JsonPropertyName("project_name")] public string ProjectName { get; }

    /// <summary>phone_id.</summary>
    [JsonPropertyName("phone_id")] public string PhoneId { get; }

    /// <summary>member_name; empty when unassigned.</summary>
    [JsonPropertyName("member_name")] public string MemberName { get; }

    /// <summary>account_name.</summary>
    [JsonPropertyName("account_name")] public string AccountName => InstanceProfile.AccountName;

    /// <summary>region_name.</summary>
    [JsonPropertyName("region_name")] public string RegionName { get; }

    /// <summary>region_name_en.</summary>
    [JsonPropertyName("region_name_en")] public string RegionNameEn { get; }

    /// <summary>backup_status.</summary>
    [JsonPropertyName("backup_status")] public int BackupStatus { get; }

    /// <summary>backup_time.</summary>
    [JsonPropertyName("backup_time")] public string BackupTime { get; }

    /// <summary>restore_status.</summary>
    [JsonPropertyName("restore_status")] public int RestoreStatus { get; }

    /// <summary>restore_time.</summary>
    [JsonPropertyName("restore_time")] public string RestoreTime { get; }
}
