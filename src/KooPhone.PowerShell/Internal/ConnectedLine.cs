using System.Management.Automation;
using KooPhone.Client.Connection;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// The one line Connect-KooPhone writes on success, e.g. "Connected to https://koophone.myhuaweicloud.com/
    /// in cn-north-4 (project 0123…) with Token authentication, as the default connection
    /// 'koophone.myhuaweicloud.com/0123…/Token'." It goes to the information stream, tagged
    /// KooPhone.Connected, never to the output, so $c = Connect-KooPhone -PassThru holds the
    /// connection alone (Az's Connect-AzAccount writes an object, which a script has to discard).
    /// Where a person is watching (InteractiveConsole) it also carries the PSHOST tag, which shows
    /// it as Write-Host would; scripts, jobs and Automation runbooks stay quiet unless they ask
    /// for it, as for the run summary (RunSummaryReporter).
    /// </summary>
    internal static class ConnectedLine
    {
        public const string Tag = "KooPhone.Connected";

        public static void Write(PSCmdlet cmdlet, KooPhoneContext context)
        {
            var record = new InformationRecord(Text(context), cmdlet.MyInvocation.MyCommand.Name);
            record.Tags.Add(Tag);
            if (InteractiveConsole.IsWatched(cmdlet))
            {
                record.Tags.Add("PSHOST");
            }

            cmdlet.WriteInformation(record);
        }

        /// <summary>What was connected to; never a secret (the account is a user name or an access key id).</summary>
        public static string Text(KooPhoneContext context) =>
            $"Connected to {context.Endpoint} in {context.Region}{(context.ProjectId == null ? "" : " (project " + context.ProjectId + ")")} " +
            $"with {context.AuthenticationMode} authentication{(context.Account == null ? "" : " as " + context.Account)}, as the default connection '{context.Name}'.";
    }
}
