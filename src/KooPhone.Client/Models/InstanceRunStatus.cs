namespace KooPhone.Client.Models
{
    /// <summary>
    /// Run status of a cloud phone (running_status in ListInstances, status in BatchShowInstance;
    /// docs/api-reference.md §4.1). Values the reference does not list are kept as their number.
    /// </summary>
    public enum InstanceRunStatus
    {
        Unknown = 0,
        Stopped = 1,
        Running = 2,
        GoingOffline = 3,
        Starting = 4,
        ShutDown = 5,
    }
}
