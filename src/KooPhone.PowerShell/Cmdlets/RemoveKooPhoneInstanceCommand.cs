using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Unsubscribes (deletes) yearly/monthly cloud phones.</para>
    /// <para type="description">Remove-KooPhoneInstance sends the instances to DeleteInstance in batches of up to 100 and writes one accepted result per instance; deleted instances disappear from Get-KooPhoneInstance. Only yearly/monthly instances can be deleted this way (pay-per-use ones give KOOPHONE.API.5001). Deleting cannot be undone, so the cmdlet asks before acting; -Force skips the question and -WhatIf sends nothing.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'old-*' | Remove-KooPhoneInstance -Force</code>
    ///   <para>Unsubscribes every phone whose name starts with old-.</para>
    /// </example>
    /// <example>
    ///   <code>Remove-KooPhoneInstance -InstanceId a44uhlf7 -WhatIf</code>
    ///   <para>Shows what would be deleted, sending nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "KooPhoneInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KooPhoneActionResult))]
    public sealed class RemoveKooPhoneInstanceCommand : InstanceBatchCmdlet<ActionReceipt>
    {
        /// <summary>
        /// <para type="description">Deletes without asking (runbooks must pass it). -WhatIf still sends nothing.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ActionName => "Delete";

        protected override Task<ActionReceipt> SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            api.DeleteInstancesAsync(instanceIds, cancellationToken);

        protected override bool Confirm(string instanceId) =>
            ConfirmWithForce(instanceId, "Unsubscribe (delete)", () => $"Delete instance '{instanceId}'? This cannot be undone.", Force);

        protected override void OnBatchSucceeded(IReadOnlyList<string> instanceIds, ActionReceipt receipt) =>
            WriteActionResults(instanceIds, receipt);
    }
}
