using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Models;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// An instance batch cmdlet whose API call answers with a task (backup, reset, async commands,
    /// app install): one job result per instance, written at once or, with -Wait, after its job ends.
    /// </summary>
    public abstract class InstanceTaskCmdlet : InstanceBatchCmdlet<BatchSubmission>
    {
        private readonly List<KooPhoneJobResult> _waiting = new List<KooPhoneJobResult>();

        /// <summary>
        /// <para type="description">Waits until every job has ended (polling its task, or the instances' own state where the service cannot report the task) and writes the results with their final status.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>
        /// <para type="description">With -Wait, how long to wait at most, in seconds (default 3600). Jobs still running then are written with their last status, after a warning.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSeconds { get; set; } = 3600;

        protected override void OnBatchSucceeded(IReadOnlyList<string> instanceIds, BatchSubmission submission)
        {
            WriteOrKeep(JobResults.FromSubmission(instanceIds, submission).Select(Recorded), Wait, _waiting);
        }

        protected override void OnItemsDone(BatchPart<string, BatchSubmission> part) =>
            WriteOrKeep(JobResults.CarriedOut(Operation, part.Items, part.Evidence!.Select(DoneEvidence), RequestIdOf(part.Error), part.SubmittedAt).Select(Recorded), Wait, _waiting);

        protected override void EndProcessing()
        {
            base.EndProcessing();
            WaitAndWrite(_waiting, $"Waiting for {ActionName} jobs", ThrottleLimit, TimeoutSeconds);
        }
    }
}
