using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Releases the session that lingers on cloud phones after streaming.</para>
    /// <para type="description">Stop-KooPhoneSession calls StopInstancesSession for each instance (several at once) and writes one accepted result per instance. -WhatIf sends nothing.</para>
    /// </summary>
    /// <example>
    ///   <code>Stop-KooPhoneStreaming a44uhlf7; Stop-KooPhoneSession a44uhlf7</code>
    ///   <para>Ends a stream and releases its session at once.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneInstance | Where-Object IsLoggedIn | Stop-KooPhoneSession -Confirm:$false</code>
    ///   <para>Releases every logged-in phone's session.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "KooPhoneSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KooPhoneActionResult))]
    public sealed class StopKooPhoneSessionCommand : SingleInstanceCmdlet<ActionReceipt>
    {
        protected override string ActionName => "ReleaseSession";

        protected override KooPhoneOperation Operation => KooPhoneOperation.StopInstancesSession;

        protected override Task<ActionReceipt> SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            api.ReleaseSessionAsync(instanceIds[0], cancellationToken);

        protected override bool Confirm(string instanceId) => ShouldProcess(instanceId, "Release the session");

        protected override void OnBatchSucceeded(IReadOnlyList<string> instanceIds, ActionReceipt receipt) => WriteActionResults(instanceIds, receipt);
    }
}
