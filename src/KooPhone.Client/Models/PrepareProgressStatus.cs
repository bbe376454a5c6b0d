namespace KooPhone.Client.Models
{
    /// <summary>Where preparing an instance for streaming stands (ShowProgress, docs/api-reference.md §4.3).</summary>
    public enum PrepareProgressStatus
    {
        Failed = -1,
        Ready = 0,
        Queued = 1,
        RestoringOrOffline = 2,
        BackingUp = 3,
    }
}
