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
    /// <para type="synopsis">Factory-resets cloud phones, wiping their data.</para>
    /// <para type="description">Reset-KooPhoneInstance sends the instances to BatchResetInstance in batches of up to 100, several at once, and writes one job result per instance. A reset wipes the phone, so the cmdlet asks before acting; -Force skips the question and -WhatIf sends nothing. With -Wait it follows each job to its end.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'lab-*' | Reset-KooPhoneInstance -Force -Wait</code>
    ///   <para>Resets every lab phone and waits for the resets to finish.</para>
    /// </example>
    /// <example>
    ///   <code>'a44uhlf7', 'efjy72gs' | Reset-KooPhoneInstance -WhatIf</code>
    ///   <para>Shows what would be reset, sending nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Reset, "KooPhoneInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(KooPhoneJobResult))]
    public sealed class ResetKooPhoneInstanceCommand : InstanceTaskCmdlet
    {
        /// <summary>
        /// <para type="description">Resets without asking (runbooks must pass it). -WhatIf still sends nothing.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string ActionName => "Reset";

        internal override BatchCall<string, BatchSubmission> Call => BatchCalls.Reset;

        protected override bool Confirm(string instanceId) =>
            ConfirmWithForce(instanceId, "Factory-reset, wiping all data", Force);
    }
}
