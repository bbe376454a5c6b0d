using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Unassigns cloud phones from end users, clearing the users' data on them.</para>
    /// <para type="description">Revoke-KooPhoneInstance removes user–instance bindings (CancelInstance), up to 100 pairs per call, and writes one job result per pair. The user's data on the phone is cleared, so the cmdlet asks before acting; -Force skips the question and -WhatIf sends nothing. With -Wait it follows each job to its end. A pair that is not bound gives KOOPHONE.API.2210.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-Content ids.txt | Get-KooPhoneInstance | Where-Object IsAssigned | Select-Object @{n='UserId';e={$_.AssignedUser}}, InstanceId | Revoke-KooPhoneInstance -Force -Wait</code>
    ///   <para>Unassigns those of the phones listed in ids.txt that are assigned, and waits until each is done.</para>
    /// </example>
    /// <example>
    ///   <code>Revoke-KooPhoneInstance -UserId 1008600000104285462 -InstanceId a44uhlf7 -WhatIf</code>
    ///   <para>Shows what would be unassigned, sending nothing.</para>
    /// </example>
    [Cmdlet(VerbsSecurity.Revoke, "KooPhoneInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(KooPhoneJobResult))]
    public sealed class RevokeKooPhoneInstanceCommand : UserInstanceBatchCmdlet<BatchSubmission>
    {
        /// <summary>
        /// <para type="description">Unassigns without asking (runbooks must pass it). -WhatIf still sends nothing.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// <para type="description">Follows every job to its end and writes each result with its final status as soon as its job ends (polling starts with the first accepted batch).</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>
        /// <para type="description">With -Wait, how long to wait at most, in seconds (default 3600).</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSeconds { get; set; } = 3600;

        protected override string ActionName => "Unassign";

        internal override BatchCall<UserInstancePair, BatchSubmission> Call => BatchCalls.Revoke;

        protected override bool Confirm(UserInstancePair pair) =>
            ConfirmWithForce(pair.InstanceId, "Unassign from user " + pair.UserId + " and clear the user's data", Force);

        internal override IRunFollower? Follower() =>
            Wait ? RunFollowers.Jobs(Api, ThrottleLimit, "Waiting for unassign jobs", TimeSpan.FromSeconds(TimeoutSeconds), StopToken) : null;
    }
}
