using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Restarts cloud phones.</para>
    /// <para type="description">Restart-KooPhoneInstance sends the instances to BatchRebootInstance in batches of up to 100, several at once, and writes one accepted result per instance. The service refuses a whole batch when any instance in it is not running (KOOPHONE.API.5005): those instances get the error, and the others of the batch are sent again without them. -WhatIf sends nothing.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneInstance | Where-Object RunStatus -eq Running | Restart-KooPhoneInstance</code>
    ///   <para>Restarts every running phone.</para>
    /// </example>
    /// <example>
    ///   <code>Restart-KooPhoneInstance -InstanceId a44uhlf7 -Confirm</code>
    ///   <para>Restarts one phone after asking.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Restart, "KooPhoneInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KooPhoneActionResult))]
    public sealed class RestartKooPhoneInstanceCommand : InstanceBatchCmdlet<ActionReceipt>
    {
        protected override string ActionName => "Restart";

        protected override KooPhoneOperation Operation => KooPhoneOperation.BatchRebootInstance;

        protected override Task<ActionReceipt> SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            api.RebootInstancesAsync(instanceIds, cancellationToken);

        protected override bool Confirm(string instanceId) => ShouldProcess(instanceId, "Restart");

        protected override void OnBatchSucceeded(IReadOnlyList<string> instanceIds, ActionReceipt receipt) =>
            WriteActionResults(instanceIds, receipt);
    }
}
