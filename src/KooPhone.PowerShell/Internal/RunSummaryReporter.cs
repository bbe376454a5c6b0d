using System.Management.Automation;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Writes a run's summary to the information stream, tagged KooPhone.RunSummary, with the
    /// summary object as its MessageData: scripts capture it with -InformationVariable or 6>&amp;1,
    /// and $InformationPreference = 'Continue' shows every one. Unasked, it is shown only where a
    /// person is watching (InteractiveConsole) and the run was large (KooPhoneRunSummary.IsLarge):
    /// then the record also carries the PSHOST tag, which is how Write-Host's records reach the
    /// console whatever the preference, and which -InformationAction Ignore or 6>$null still
    /// silence. Tests, jobs and Automation logs stay quiet.
    /// </summary>
    internal static class RunSummaryReporter
    {
        public const string Tag = "KooPhone.RunSummary";

        public static void Write(PSCmdlet cmdlet, KooPhoneRun run)
        {
            var summary = run.Summary;
            var record = new InformationRecord(summary, cmdlet.MyInvocation.MyCommand.Name);
            record.Tags.Add(Tag);
            if (summary.IsLarge && InteractiveConsole.IsWatched(cmdlet))
            {
                record.Tags.Add("PSHOST");
            }

            cmdlet.WriteInformation(record);
        }
    }
}
