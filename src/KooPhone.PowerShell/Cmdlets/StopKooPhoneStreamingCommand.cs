using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Stops streaming on cloud phones.</para>
    /// <para type="description">Stop-KooPhoneStreaming calls StopInstancesStreaming for each instance (several at once) and writes one accepted result per instance; an instance that is not streaming is unaffected. -WhatIf sends nothing.</para>
    /// </summary>
    /// <example>
    ///   <code>Stop-KooPhoneStreaming -InstanceId a44uhlf7</code>
    ///   <para>Stops one phone's stream.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'kiosk-*' | Stop-KooPhoneStreaming -Confirm:$false</code>
    ///   <para>Stops the streams of all kiosk phones.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "KooPhoneStreaming", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KooPhoneActionResult))]
    public sealed class StopKooPhoneStreamingCommand : SingleInstanceCmdlet<ActionReceipt>
    {
        protected override string ActionName => "StopStreaming";

        internal override BatchCall<string, ActionReceipt> Call => BatchCalls.StopStreaming;

        protected override bool Confirm(string instanceId) => ShouldProcess(instanceId, "Stop streaming");
    }
}
