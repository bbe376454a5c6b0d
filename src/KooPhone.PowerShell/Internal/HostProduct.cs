using System.Collections;
using System.Management.Automation;
using System.Threading;
using KooPhone.Client.Http;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Tells the engine, once per process, what to name in its User-Agent: this module's version and
    /// the PowerShell edition and version, which only the cmdlet layer can read ($PSVersionTable).
    /// </summary>
    internal static class HostProduct
    {
        private static int _described;

        public static void DescribeOnce(PSCmdlet cmdlet)
        {
            if (Interlocked.Exchange(ref _described, 1) != 0)
            {
                return;
            }

            var table = cmdlet.SessionState.PSVariable.GetValue("PSVersionTable") as Hashtable;
            // Windows PowerShell 5.1 has PSEdition too ("Desktop"); older hosts are not supported.
            var edition = table?["PSEdition"]?.ToString() ?? "Desktop";
            var version = table?["PSVersion"]?.ToString() ?? "unknown";
            var module = cmdlet.MyInvocation.MyCommand.Module?.Version?.ToString() ?? typeof(HostProduct).Assembly.GetName().Version?.ToString(3) ?? "unknown";
            KooPhoneUserAgent.Describe(module, edition, version);
        }
    }
}
