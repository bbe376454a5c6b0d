namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>An instance cmdlet whose API call takes one instance; -ThrottleLimit calls still run at once.</summary>
    public abstract class SingleInstanceCmdlet<TResponse> : InstanceCmdlet<TResponse>
    {
        protected override int ItemsPerCall => 1;
    }
}
