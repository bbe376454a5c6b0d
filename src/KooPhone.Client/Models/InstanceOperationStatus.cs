namespace KooPhone.Client.Models
{
    /// <summary>State of an instance's latest backup or restore (backup_status / restore_status, reference 4.5).</summary>
    public enum InstanceOperationStatus
    {
        Preparing = 0,
        Executing = 1,
        Succeeded = 2,
        Failed = 3,
        Other = 4,
    }
}
