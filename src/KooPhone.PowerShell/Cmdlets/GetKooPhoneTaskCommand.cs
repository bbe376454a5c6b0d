using System.Management.Automation;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Reads where the jobs of asynchronous KooPhone tasks stand.</para>
    /// <para type="description">Get-KooPhoneTask asks the task query (ExecuteJob) once per task and writes one result per job with its current status. Given task ids, it reports every job of each task; given the results of Backup-KooPhoneInstance (or another asynchronous cmdlet), it reports those jobs, each against its instance, which the task query alone cannot do. Where the service cannot report a task (it may not support backup tasks there), the instances' own backup status is read instead.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneTask -TaskId 6837531fd3f54550927b930180a706bf</code>
    ///   <para>Shows every job of one task.</para>
    /// </example>
    /// <example>
    ///   <code>$results = Get-Content ids.txt | Backup-KooPhoneInstance -Force
    /// $results | Get-KooPhoneTask | Group-Object Status</code>
    ///   <para>Backs up the phones listed in ids.txt and checks how far the backups have come, per status.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "KooPhoneTask", DefaultParameterSetName = ByResultSet)]
    [OutputType(typeof(KooPhoneJobResult))]
    public sealed class GetKooPhoneTaskCommand : TaskCmdlet
    {
        protected override void EndProcessing()
        {
            ReportSkipped();
            var results = ReadJobs(out var piped);
            Await(RunFollowers.PollOnceAsync(Api, piped, StopToken));
            WriteObject(results, enumerateCollection: true);
        }
    }
}
