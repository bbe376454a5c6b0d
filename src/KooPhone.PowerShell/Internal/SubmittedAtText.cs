using System.Management.Automation;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// What PowerShell shows as SubmittedAt of job results and run record entries
    /// (KooPhone.Types.ps1xml): ISO 8601 UTC text instead of the engine's DateTime.
    /// </summary>
    /// <remarks>
    /// SubmittedAt is read back when a wait resumes from a file, and Export-Csv writes a DateTime
    /// in the current culture without its zone ("02.01.2026 03:04:05" in de-DE), which another
    /// machine, or PowerShell's own invariant parsing, reads as another day or not at all. Text is
    /// the one value that Export-Csv, ConvertTo-Json and Export-Clixml all write the same way; ISO
    /// UTC text sorts in time order, and [datetime] turns it back into a time.
    /// </remarks>
    public static class SubmittedAtText
    {
        public static string? Of(PSObject instance)
        {
            switch (instance?.BaseObject)
            {
                case KooPhoneJobResult result:
                    return UtcTime.Text(result.SubmittedAt);
                case KooPhoneRunEntry entry:
                    return entry.SubmittedAt.HasValue ? UtcTime.Text(entry.SubmittedAt.Value) : null;
                default:
                    return null;
            }
        }
    }
}
