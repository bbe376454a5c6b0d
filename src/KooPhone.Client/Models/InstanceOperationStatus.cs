namespace KooPhone.Client.Models
{
    /// <summary>State of a cloud phone's latest backup or restore.</summary>
    public enum InstanceOperationStatus
    {
        Preparing = 0,
        Executing = 1,
        Succeeded = 2,
        Failed = 3,
        Other = 4,
    }
}
