namespace KooPhone.Client.Models
{
    /// <summary>Lifecycle status of a cloud phone as BatchPrepareInstances reports it (reference 4.2).</summary>
    public enum InstanceLifecycleStatus
    {
        Ready = 0,
        WaitingToBeRestored = 1,
        WaitingToBeAssigned = 2,
        BackingUp = 3,
        Resetting = 4,
        Restarting = 5,
        Offline = 6,
        BeingSwapped = 7,
        RestoringAfterExpiry = 8,
        RestoreAfterExpiryFailed = 9,
        UnderMaintenance = 10,
    }
}
