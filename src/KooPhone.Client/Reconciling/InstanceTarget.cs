namespace KooPhone.Client.Reconciling
{
    /// <summary>The instance an item of a batch acts on, and for assignments the user: what reconciliation reads and the run record names.</summary>
    internal sealed class InstanceTarget
    {
        public InstanceTarget(string instanceId, string? userId = null)
        {
            InstanceId = instanceId;
            UserId = userId;
        }

        public string InstanceId { get; }

        public string? UserId { get; }
    }
}
