using System;
using System.Management.Automation;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;

using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Waits until the jobs of asynchronous KooPhone tasks have ended.</para>
    /// <para type="description">Wait-KooPhoneTask polls the task query until every job has ended, showing progress, and then writes one result per job with its final status. It takes task ids, or the results of Backup-KooPhoneInstance (or another asynchronous cmdlet), whose jobs it reports against their instances. Where the service cannot report a task, the instances' own state is read instead, so the wait still ends with a true answer. A poll that fails is kept in the LastPollError of the jobs it was for and tried again next round; jobs still pending at the time limit are written with their last status and that reason. Ctrl+C stops it at once.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-Content ids.txt | Backup-KooPhoneInstance -Force | Wait-KooPhoneTask | Where-Object Status -eq Failed</code>
    ///   <para>Backs up the phones listed in ids.txt, waits for every job and keeps the failures.</para>
    /// </example>
    /// <example>
    ///   <code>Import-Csv submitted.csv | Wait-KooPhoneTask</code>
    ///   <para>Resumes a wait from results saved with Export-Csv (Export-Clixml and ConvertTo-Json work the same way); each job is reported against its instance. In Windows PowerShell, pipe ConvertFrom-Json through ForEach-Object { $_ } first, as it writes an array as one object.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneRun -Last | Wait-KooPhoneTask</code>
    ///   <para>Resumes the wait of the last run from its record.</para>
    /// </example>
    /// <example>
    ///   <code>Wait-KooPhoneTask -TaskId $taskId -TimeoutSeconds 600</code>
    ///   <para>Waits at most ten minutes for one task.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "KooPhoneTask", DefaultParameterSetName = ByResultSet)]
    [OutputType(typeof(KooPhoneJobResult))]
    public sealed class WaitKooPhoneTaskCommand : TaskCmdlet
    {
        /// <summary>
        /// <para type="description">How long to wait at most, in seconds (default 3600). Jobs still running then are written with their last status, after a warning.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSeconds { get; set; } = 3600;

        /// <summary>
        /// <para type="description">How many task queries may be in flight at once, 1 to 64; default 4.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override void EndProcessing()
        {
            ReportSkipped();
            var results = ReadJobs(out _);
            // Each result is written as soon as its job ends.
            var follower = RunFollowers.Jobs(Api, ThrottleLimit, "Waiting for KooPhone tasks", TimeSpan.FromSeconds(TimeoutSeconds), StopToken);
            WaitRun run;
            try
            {
                run = new WaitRun(MyInvocation.MyCommand.Name, follower, Sources, () => Calls.CallCounts);
            }
            catch (RunRecordsUnavailableException e)
            {
                ThrowTerminatingError(ErrorRecords.RunRecordsUnavailable(e));
                return;
            }

            try
            {
                follower.Add(results);
                new RunWriter(this, Calls, "Wait").Write(run.Finish());
            }
            finally
            {
                // Stopped (Ctrl+C, a pipeline ended downstream): the rest is recorded as last seen, and the host told where things stand.
                if (!run.IsClosed)
                {
                    Calls.Stop();
                    run.Dispose();
                    RunStopText.Show(this, run.Run.StopNote);
                }
            }
        }
    }
}
