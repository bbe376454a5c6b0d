using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Restarts cloud phones.</para>
    /// <para type="description">Restart-KooPhoneInstance sends the instances to BatchRebootInstance in batches of up to 100, several at once, and writes one accepted result per instance. The service refuses a whole batch when any instance in it is not running (KOOPHONE.API.5005): those instances get the error, and the others of the batch are sent again without them. -WhatIf sends nothing.</para>
    /// <para type="description">The service answers a restart with no task, so "Accepted" is all it says. With -Wait the cmdlet reads the instances' run status (BatchShowInstance, 100 a call) until each is seen to leave Running and come back, and writes its result then with Status Restarted. It never claims a restart from silence: at the time limit an instance that was Running at every poll is written as RestartNotSeen (the restart may have been quicker than the polls, or not have begun), one that left Running and has not come back as NotBackInTime; Evidence says what was seen.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'shop-*' | Where-Object RunStatus -eq Running | Restart-KooPhoneInstance</code>
    ///   <para>Restarts the shop phones that are running.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'lab-*' | Restart-KooPhoneInstance -Wait -TimeoutSeconds 300 | Group-Object Status</code>
    ///   <para>Restarts the lab phones and counts how many were seen to come back within five minutes.</para>
    /// </example>
    /// <example>
    ///   <code>Restart-KooPhoneInstance -InstanceId a44uhlf7 -Confirm</code>
    ///   <para>Restarts one phone after asking.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Restart, "KooPhoneInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(KooPhoneActionResult))]
    public sealed class RestartKooPhoneInstanceCommand : InstanceBatchCmdlet<ActionReceipt>
    {
        /// <summary>
        /// <para type="description">Follows each restart until the instance is seen to leave Running and come back, polling its run status, and writes its result then (Status Restarted). Polling starts with the first accepted batch, beside the submission of the rest. What the polls did not see by the time limit is written as RestartNotSeen or NotBackInTime, never as restarted.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>
        /// <para type="description">With -Wait, how long to wait at most, in seconds (default 600). Restarts not seen to their end by then are written with what was seen, after a warning.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSeconds { get; set; } = 600;

        protected override string ActionName => "Restart";

        internal override IRunFollower? Follower() => Wait ? RunFollowers.Restarts(Api, ThrottleLimit, TimeSpan.FromSeconds(TimeoutSeconds), StopToken) : null;

        internal override BatchCall<string, ActionReceipt> Call => BatchCalls.Restart;

        protected override bool Confirm(string instanceId) => ShouldProcess(instanceId, "Restart");
    }
}
