using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Shows what a run of a KooPhone cmdlet did with every id it was given, including the ones whose outcome is unknown or that were never sent.</para>
    /// <para type="description">Every run of a cmdlet that takes instance ids leaves a record in the session: one entry per id with its outcome (Result, Error, Unknown or NotSent), the status the service confirmed, the task, job and request ids, the error code and the times. It is kept even when the pipeline could not take the objects (after Ctrl+C, under -ErrorAction Stop), so nothing the run learned is lost. The entries have the property names Wait-KooPhoneTask binds, and export with Export-Csv.</para>
    /// <para type="description">Unknown means the call was sent and the service may have acted, but neither its answer nor the instance's state could tell: check those instances before running the command again. NotSent ids are safe to run again.</para>
    /// <para type="description">The record follows what is learned later. An id's entry ends with the last status known for it: the one the run's own -Wait saw its job end with, what a later Wait-KooPhoneTask fed from the run's entries learned (Get-KooPhoneRun -Last | Wait-KooPhoneTask), or what a rerun with the same -JournalPath settled. Such an entry names the run that learned it in SettledBy, and -Summary counts what was learned and says which runs settled how many (SettledLater). Wait-KooPhoneTask's own runs are runs too.</para>
    /// <para type="description">A run stopped before its end (Ctrl+C, Select-Object -First) writes one warning line to the host with how many ids had ended, were still running, were unknown and not sent, and the command that resumes; its StopNote, and -Summary, keep that line.</para>
    /// <para type="description">The record of each run is a CSV file (the Path property of -List output) in a folder of the user's own: KooPhone/runs in the local application data folder (~/.local/share on Linux, %LOCALAPPDATA% on Windows), or the folder KOOPHONE_RUNS_PATH names, with a folder per session; on Linux and macOS only its owner may read it. The session keeps the newest 50 runs; the folders of ended sessions are removed after 14 days, and only the newest 100 are kept. A record holds ids, outcomes, statuses, task, job and request ids, error codes and messages and times, never a token, key or password.</para>
    /// <para type="description">With -Summary it returns what the run came to instead of its entries: the ids it took, results by status (with -Wait, the status the wait ended them with; Waiting while it goes on or after it was stopped), errors by code (naming the ids when there are at most five), the Unknown and NotSent ids, the HTTP calls and attempts, and the time. Every batch cmdlet also writes that summary to the information stream with the tag KooPhone.RunSummary (capture it with -InformationVariable); an interactive console shows it after a run of 100 ids or more, or of 10 seconds or more.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneRun -Last -Outcome Unknown, NotSent, Error | Export-Csv check.csv</code>
    ///   <para>Writes the ids of the last run that need attention to a file.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneRun -Summary</code>
    ///   <para>Shows what the last run came to: ids, results by status, errors by code with their culprits, Unknown, NotSent, calls and time.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'lab-*' | Backup-KooPhoneInstance -Force -InformationVariable info | Out-Null
    /// ($info | Where-Object Tags -contains 'KooPhone.RunSummary').MessageData.ErrorsByCode</code>
    ///   <para>Backs up the lab phones, keeps the summary the run wrote to the information stream and reads its errors by code.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneRun -List</code>
    ///   <para>Lists the session's runs with how many ids ended each way.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "KooPhoneRun", DefaultParameterSetName = LastSet)]
    [OutputType(typeof(KooPhoneRunEntry), ParameterSetName = new[] { LastSet, ByIdSet })]
    [OutputType(typeof(KooPhoneRun), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(KooPhoneRunSummary), ParameterSetName = new[] { LastSet, ByIdSet })]
    public sealed class GetKooPhoneRunCommand : PSCmdlet
    {
        private const string LastSet = "Last";
        private const string ByIdSet = "ById";
        private const string ListSet = "List";

        /// <summary>
        /// <para type="description">The entries of the session's most recent run (the default).</para>
        /// </summary>
        [Parameter(ParameterSetName = LastSet)]
        public SwitchParameter Last { get; set; }

        /// <summary>
        /// <para type="description">The entries of the run with this id (the Id property of -List output).</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
        public int Id { get; set; }

        /// <summary>
        /// <para type="description">Lists the session's runs instead of one run's entries.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ListSet)]
        public SwitchParameter List { get; set; }

        /// <summary>
        /// <para type="description">Only entries with these outcomes: Result, Error, Unknown, NotSent. Given without a value ($null, e.g. an unset variable, or an empty array) it is refused, never read as every entry: its entries are often piped into a cmdlet that acts on them.</para>
        /// </summary>
        [Parameter(ParameterSetName = LastSet)]
        [Parameter(ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        public RunOutcome[]? Outcome { get; set; }

        /// <summary>
        /// <para type="description">Returns the run's summary (ids, results by status, errors by code with their culprits, Unknown, NotSent, calls, time) instead of its entries.</para>
        /// </summary>
        [Parameter(ParameterSetName = LastSet)]
        [Parameter(ParameterSetName = ByIdSet)]
        public SwitchParameter Summary { get; set; }

        protected override void EndProcessing()
        {
            if (ParameterSetName == ListSet)
            {
                WriteObject(RunRecords.All(), enumerateCollection: true);
                return;
            }

            var run = ParameterSetName == ByIdSet ? RunRecords.Find(Id) : RunRecords.All().LastOrDefault();
            if (run == null)
            {
                if (ParameterSetName == ByIdSet)
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"This session has no run {Id}; Get-KooPhoneRun -List shows the runs it keeps."), "KooPhone.RunNotFound", ErrorCategory.ObjectNotFound, Id));
                }

                return;
            }

            if (Summary)
            {
                WriteObject(run.Summary);
                return;
            }

            foreach (var entry in RunRecords.EntriesOf(run))
            {
                if (Outcome == null || Outcome.Contains(entry.Outcome))
                {
                    WriteObject(entry);
                }
            }
        }
    }
}
