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

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            JobStream = Wait ? NewJobStream($"Waiting for {ActionName} jobs", TimeoutSeconds) : null;
        }

        protected override void OnBatchSucceeded(IReadOnlyList<string> instanceIds, BatchSubmission submission) =>
            WriteJobResults(JobResults.FromSubmission(instanceIds, submission));

        protected override void OnItemsDone(BatchPart<string, BatchSubmission> part) =>
            WriteJobResults(JobResults.CarriedOut(Operation, part.Items, part.Evidence!.Select(DoneEvidence), RequestIdOf(part.Error), part.SubmittedAt));

        protected override void WriteResumed(string item, KooPhone.Client.Runs.KooPhoneRunEntry entry) =>
            WriteJobResults(new[] { JobResults.FromRunEntry(entry, FromJournal(entry)) });
    }
}
