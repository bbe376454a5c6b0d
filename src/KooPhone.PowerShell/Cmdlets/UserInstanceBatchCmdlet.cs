using System.Management.Automation;
using KooPhone.Client.Validation;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>A user–instance cmdlet whose API call takes up to 100 pairs (assign, unassign).</summary>
    public abstract class UserInstanceBatchCmdlet<TResponse> : UserInstanceCmdlet<TResponse>
    {
        /// <summary>
        /// <para type="description">How many pairs go in one API call, 1 to 100. A batch is sent as soon as it is full.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, InstanceIdRules.MaxBatchSize)]
        public int BatchSize { get; set; } = InstanceIdRules.MaxBatchSize;

        protected override int ItemsPerCall => BatchSize;
    }
}
