using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Unsubscribes (deletes) yearly/monthly cloud phones.</para>
    /// <para type="description">Remove-KooPhoneInstance sends the instances to DeleteInstance in batches of up to 100 and writes one accepted result per instance; deleted instances disappear from Get-KooPhoneInstance. Only yearly/monthly instances can be deleted this way (pay-per-use ones give KOOPHONE.API.5001). Deleting cannot be undone, so the cmdlet asks once per instance before acting (ConfirmImpact High; Yes to All covers the rest); -Force skips the question, -WhatIf sends nothing even with -Force, and a session that cannot answer a prompt (-NonInteractive, Azure Automation) gets one error asking for -Force before anything is sent.</para>
    /// <para type="description">It reads its whole input before it deletes anything: a listing piped into it (Get-KooPhoneInstance pages by offset) is complete before the first deletion would shift its pages. Only the ids are held, 8 bytes each.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'old-*' | Remove-KooPhoneInstance -Force</code>
    ///   <para>Unsubscribes every phone whose name starts with old-.</para>
    /// </example>
    /// <example>
    ///   <code>Remove-KooPhoneInstance -InstanceId a44uhlf7 -WhatIf</code>
    ///   <para>Shows what would be deleted, sending nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "KooPhoneInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(KooPhoneActionResult))]
    public sealed class RemoveKooPhoneInstanceCommand : InstanceBatchCmdlet<ActionReceipt>
    {
        /// <summary>
        /// <para type="description">Deletes without asking (runbooks must pass it). -WhatIf still sends nothing.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        // Deleting while the listing upstream still pages would shift its later pages (it pages by
        // offset) and skip instances: 500 matches became 100 left undeleted. So every id is
        // collected first, and nothing is deleted until the input has ended; then upstream has
        // finished listing. Only the ids are held, 8 bytes each (CompactKeyList): a documented
        // exception to streaming that a million ids can afford.
        private readonly CompactKeyList _collected = new CompactKeyList();

        protected override string ActionName => "Delete";

        internal override BatchCall<string, ActionReceipt> Call => BatchCalls.Remove;

        internal override IItemHold<string>? Hold => _collected;

        protected override bool Confirm(string instanceId) =>
            ConfirmWithForce(instanceId, "Unsubscribe (delete); this cannot be undone", Force);
    }
}
