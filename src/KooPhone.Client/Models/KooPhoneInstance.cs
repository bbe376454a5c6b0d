using System;

namespace KooPhone.Client.Models
{
    /// <summary>A cloud phone of the tenant: its id and name, run status, assignment, and the state of its latest backup and restore.</summary>
    public sealed class KooPhoneInstance
    {
        public string InstanceId { get; set; } = "";
        public string? Name { get; set; }
        public string? Region { get; set; }
        public string? Sku { get; set; }
        public InstanceRunStatus RunStatus { get; set; }
        public bool IsFrozen { get; set; }
        public bool IsLoggedIn { get; set; }
        public bool IsAssigned { get; set; }
        public string? AssignedUser { get; set; }
        public string? BillingMode { get; set; }
        public string? ProjectId { get; set; }
        public string? ProjectName { get; set; }
        public string? PhoneId { get; set; }
        public string? MemberName { get; set; }
        public string? AccountName { get; set; }
        public string? RegionName { get; set; }
        public string? RegionNameEn { get; set; }
        public InstanceOperationStatus? BackupStatus { get; set; }
        public DateTime? BackupTime { get; set; }
        public InstanceOperationStatus? RestoreStatus { get; set; }
        public DateTime? RestoreTime { get; set; }

        public override string ToString() => InstanceId;
    }
}
