using System;
using System.Collections.Generic;
using System.Linq;
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
    /// <para type="synopsis">Prepares cloud phones for a user's streaming session: the inverse of a backup.</para>
    /// <para type="description">Restore-KooPhoneInstance sends BatchPrepareInstances for one user and up to 100 instances per call: the service restores the instances' data onto machines, queueing if it must. It writes one result per instance with the lifecycle status the service reported. With -Wait it polls ShowProgress for each instance until it is ready for streaming or has failed, and writes the results with their progress.</para>
    /// </summary>
    /// <example>
    ///   <code>Restore-KooPhoneInstance -UserId 1008600000104285462 -InstanceId a44uhlf7 -Wait</code>
    ///   <para>Prepares one phone for its user and waits until streaming can start.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'class-*' | Restore-KooPhoneInstance -UserId $teacher -Wait | Where-Object Progress -ne Ready</code>
    ///   <para>Prepares a class's phones and shows the ones that did not become ready.</para>
    /// </example>
    [Cmdlet(VerbsData.Restore, "KooPhoneInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KooPhonePrepareResult))]
    public sealed class RestoreKooPhoneInstanceCommand : InstanceBatchCmdlet<IReadOnlyList<KooPhonePrepareResult>>
    {
        /// <summary>
        /// <para type="description">The end user the instances are prepared for (at most 32 characters).</para>
        /// </summary>
        [Parameter(Mandatory = true)]
        [ValidateLength(1, 32)]
        public string UserId { get; set; } = "";

        /// <summary>
        /// <para type="description">Polls ShowProgress until every instance is ready or has failed, writing each as soon as it is; polling starts with the first accepted batch.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>
        /// <para type="description">With -Wait, how long to wait at most, in seconds (default 3600).</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSeconds { get; set; } = 3600;

        protected override string ActionName => "Prepare";

        internal override BatchCall<string, IReadOnlyList<KooPhonePrepareResult>> Call => BatchCalls.Prepare(UserId);

        protected override bool Confirm(string instanceId) => ShouldProcess(instanceId, "Prepare for user " + UserId);

        internal override IRunFollower? Follower() => Wait ? RunFollowers.Preparations(Api, ThrottleLimit, TimeSpan.FromSeconds(TimeoutSeconds), StopToken) : null;
    }
}
