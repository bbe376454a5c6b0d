using KooPhone.Client.Api.Wire;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    /// <summary>Turns ListInstances' wire records into the typed objects the cmdlets emit.</summary>
    internal static class InstanceMapper
    {
        public static KooPhoneInstance ToInstance(InstanceRecord record) => new KooPhoneInstance
        {
            InstanceId = record.InstanceId ?? "",
            Name = record.InstanceName,
            Region = record.Region,
            Sku = record.InstanceSku,
            RunStatus = (InstanceRunStatus)(record.RunningStatus ?? 0),
            IsFrozen = record.FrozenStatus == 1,
            IsLoggedIn = record.LoginStatus == 1,
            IsAssigned = record.AssignStatus == 1,
            AssignedUser = record.AssignUser,
            BillingMode = record.BillingMode,
            ProjectId = record.ProjectId,
            ProjectName = record.ProjectName,
            PhoneId = record.PhoneId,
            MemberName = record.MemberName,
            AccountName = record.AccountName,
            RegionName = record.RegionName,
            RegionNameEn = record.RegionNameEn,
            BackupStatus = (InstanceOperationStatus?)record.BackupStatus,
            BackupTime = KooPhoneTime.Parse(record.BackupTime),
            RestoreStatus = (InstanceOperationStatus?)record.RestoreStatus,
            RestoreTime = KooPhoneTime.Parse(record.RestoreTime),
        };
    }
}
