using System.Management.Automation;
using KooPhone.Client.Validation;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>An instance cmdlet whose API call takes up to 100 ids (backup, reset, reboot, status, delete, commands…).</summary>
    public abstract class InstanceBatchCmdlet<TResponse> : InstanceCmdlet<TResponse>
    {
        /// <summary>
        /// <para type="description">How many ids go in one API call, 1 to 100 (the API's limit). A batch is sent as soon as it is full, not at the end of the input.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, InstanceIdRules.MaxBatchSize)]
        public int BatchSize { get; set; } = InstanceIdRules.MaxBatchSize;

        protected override int ItemsPerCall => BatchSize;
    }
}
