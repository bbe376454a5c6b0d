using System;
using System.Collections.Generic;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;
using KooPhone.Client.Validation;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// An instance batch cmdlet whose API call answers with a task (backup, reset, async commands,
    /// app install): one job result per instance, written at once or, with -Wait, after its job ends.
    /// It declares -BatchSize itself (as InstanceBatchCmdlet does) so that it derives from
    /// InstanceCmdlet directly and its cmdlets stay three classes from PSCmdlet.
    /// </summary>
    public abstract class InstanceTaskCmdlet : InstanceCmdlet<BatchSubmission>
    {
        /// <summary>
        /// <para type="description">How many ids go in one API call, 1 to 100 (the API's limit). A batch is sent as soon as it is full, not at the end of the input.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, InstanceIdRules.MaxBatchSize)]
        public int BatchSize { get; set; } = InstanceIdRules.MaxBatchSize;

        /// <summary>
        /// <para type="description">Follows every job to its end (polling its task, or the instances' own state where the service cannot report the task) and writes each result with its final status as soon as its job ends. Polling starts with the first accepted batch, beside the submission of the rest; only jobs still running are held. After Ctrl+C, Get-KooPhoneRun -Last | Wait-KooPhoneTask resumes the wait.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>
        /// <para type="description">With -Wait, how long to wait at most, in seconds (default 3600). Jobs still running then are written with their last status, after a warning.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSeconds { get; set; } = 3600;

        protected override int ItemsPerCall => BatchSize;

        internal override IRunFollower? Follower() =>
            Wait ? RunFollowers.Jobs(Api, ThrottleLimit, $"Waiting for {ActionName} jobs", TimeSpan.FromSeconds(TimeoutSeconds), StopToken) : null;
    }
}
