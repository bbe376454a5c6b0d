namespace KooPhone.Client.Models
{
    /// <summary>Where a cloud phone stands in its lifecycle (ready, waiting to be restored, backing up…), as preparing it reports.</summary>
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
