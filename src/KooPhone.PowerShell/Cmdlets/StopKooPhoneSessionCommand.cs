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
    /// <para type="synopsis">Releases the session that lingers on cloud phones after streaming.</para>
    /// <para type="description">Stop-KooPhoneSession calls StopInstancesSession for each instance (several at once) and writes one accepted result per instance. -WhatIf sends nothing.</para>
    /// </summary>
    /// <example>
    ///   <code>Stop-KooPhoneStreaming a44uhlf7; Stop-KooPhoneSession a44uhlf7</code>
    ///   <para>Ends a stream and releases its session at once.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'class-*' | Where-Object IsLoggedIn | Stop-KooPhoneSession -Confirm:$false</code>
    ///   <para>Releases the sessions of the classroom phones that are logged in.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "KooPhoneSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KooPhoneActionResult))]
    public sealed class StopKooPhoneSessionCommand : SingleInstanceCmdlet<ActionReceipt>
    {
        protected override string ActionName => "ReleaseSession";

        internal override BatchCall<string, ActionReceipt> Call => BatchCalls.StopSession;

        protected override bool Confirm(string instanceId) => ShouldProcess(instanceId, "Release the session");
    }
}
