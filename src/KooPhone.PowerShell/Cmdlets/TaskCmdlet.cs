using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;
using KooPhone.PowerShell.Internal;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// What Get-KooPhoneTask and Wait-KooPhoneTask share: their parameters; they take task ids, or
    /// the results of a batch cmdlet, and <see cref="TaskInput"/> turns them into one result object
    /// per job.
    /// </summary>
    public abstract class TaskCmdlet : KooPhoneCmdlet
    {
        protected const string ByTaskIdSet = "ByTaskId";
        protected const string ByResultSet = "ByResult";

        private readonly TaskInput _input;

        protected TaskCmdlet() => _input = new TaskInput(this);

        /// <summary>
        /// <para type="description">Ids of the tasks, as asynchronous cmdlets return them in TaskId. Piped objects give their TaskId property, and with it JobId, InstanceId, Operation and SubmittedAt: results read back with Import-Csv, Import-Clixml or ConvertFrom-Json, and Get-KooPhoneRun's entries, resume as the live results do. An object without a TaskId property is refused.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByTaskIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [TaskIdTransformation]
        [AllowNull]
        [AllowEmptyString]
        public string[] TaskId { get; set; } = Array.Empty<string>();

        /// <summary>
        /// <para type="description">The job of the task, bound by property name from a result read back from a file, so the job is reported against its instance.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByTaskIdSet, ValueFromPipelineByPropertyName = true)]
        public string? JobId { get; set; }

        /// <summary>
        /// <para type="description">The instance the job is for, bound by property name with JobId.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByTaskIdSet, ValueFromPipelineByPropertyName = true)]
        public string? InstanceId { get; set; }

        /// <summary>
        /// <para type="description">The API operation that submitted the job (e.g. BatchBackupInstances), bound by property name: it decides how the job is followed when the task query cannot report it.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByTaskIdSet, ValueFromPipelineByPropertyName = true)]
        public string? Operation { get; set; }

        /// <summary>
        /// <para type="description">When the job was submitted, bound by property name: a backup's state counts as this job's only when it is newer. Results and run record entries write it as UTC text with a Z (2026-01-02T03:04:05.0000000Z), so a file written by Export-Csv or ConvertTo-Json carries its zone and reads back as the same moment anywhere; a time without a zone is local time, as for every time the module takes.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByTaskIdSet, ValueFromPipelineByPropertyName = true)]
        public DateTime? SubmittedAt { get; set; }

        /// <summary>
        /// <para type="description">The outcome of a Get-KooPhoneRun entry, bound by property name. An entry without a task is then followed through the instance's state when it was carried out (Result or Unknown) and its operation shows in the state, and skipped otherwise, instead of being refused.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByTaskIdSet, ValueFromPipelineByPropertyName = true)]
        public string? Outcome { get; set; }

        /// <summary>
        /// <para type="description">The run the entry comes from, bound by property name from Get-KooPhoneRun's entries. Wait-KooPhoneTask then also writes what it learns of each job into that run's record (Get-KooPhoneRun -Id shows the job's last status, and SettledBy names the wait's run), when it is a run of this session that recorded the same instance with the same task and job.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByTaskIdSet, ValueFromPipelineByPropertyName = true)]
        public int? RunId { get; set; }

        /// <summary>
        /// <para type="description">Results of Backup-KooPhoneInstance (or another asynchronous cmdlet), piped in. Each job is reported against its instance.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByResultSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public KooPhoneJobResult[] InputObject { get; set; } = Array.Empty<KooPhoneJobResult>();

        protected override void ProcessRecord()
        {
            _input.Count++;
            if (ParameterSetName == ByResultSet)
            {
                foreach (var result in InputObject)
                {
                    _input.AddResult(result);
                }
            }
            else if (!string.IsNullOrEmpty(JobId) || !string.IsNullOrEmpty(InstanceId))
            {
                _input.AddRow((TaskId ?? Array.Empty<string>()).FirstOrDefault()?.Trim(), InstanceId, JobId, Operation, SubmittedAt, Outcome, RunId);
            }
            else
            {
                _input.AddTaskIds(TaskId ?? Array.Empty<string>());
            }
        }

        /// <summary>The runs of this session whose entries were given, which learn what the wait learns.</summary>
        private protected RunSources Sources => _input.Sources;

        /// <summary>Says once how many run record entries were skipped, as nothing can be waited for on them.</summary>
        protected void ReportSkipped() => _input.ReportSkipped();

        /// <summary>
        /// One result per job: the piped ones (copied, so the caller's objects are not changed under
        /// it; also returned in <paramref name="piped"/>, as their status is still to be read), and
        /// for a task given only by id, every job the task query reports now. A task given by id
        /// that the query cannot read gives an error.
        /// </summary>
        protected List<KooPhoneJobResult> ReadJobs(out List<KooPhoneJobResult> piped) =>
            _input.ReadJobs(taskId => Await(Api.GetTaskJobsAsync(taskId, StopToken)), out piped);
    }
}
