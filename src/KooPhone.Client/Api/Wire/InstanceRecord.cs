using System.Text.Json.Serialization;

namespace KooPhone.Client.Api.Wire
{
    internal sealed class InstanceRecord
    {
        [JsonPropertyName("instance_id")] public string? InstanceId { get; set; }
        [JsonPropertyName("instance_name")] public string? InstanceName { get; set; }
        [JsonPropertyName("region")] public string? Region { get; set; }
        [JsonPropertyName("instance_sku")] public string? InstanceSku { get; set; }
        [JsonPropertyName("frozen_status")] public int? FrozenStatus { get; set; }
        [JsonPropertyName("running_status")] public int? RunningStatus { get; set; }
        [JsonPropertyName("login_status")] public int? LoginStatus { get; set; }
        [JsonPropertyName("assign_status")] public int? AssignStatus { get; set; }
        [JsonPropertyName("assign_user")] public string? AssignUser { get; set; }
        [JsonPropertyName("billing_mode")] public string? BillingMode { get; set; }
        [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
        [JsonPropertyName("project_name")] public string? ProjectName { get; set; }
        [JsonPropertyName("phone_id")] public string? PhoneId { get; set; }
        [JsonPropertyName("member_name")] public string? MemberName { get; set; }
        [JsonPropertyName("account_name")] public string? AccountName { get; set; }
        [JsonPropertyName("region_name")] public string? RegionName { get; set; }
        [JsonPropertyName("region_name_en")] public string? RegionNameEn { get; set; }
        [JsonPropertyName("backup_status")] public int? BackupStatus { get; set; }
        [JsonPropertyName("backup_time")] public string? BackupTime { get; set; }
        [JsonPropertyName("restore_status")] public int? RestoreStatus { get; set; }
        [JsonPropertyName("restore_time")] public string? RestoreTime { get; set; }
    }
}
