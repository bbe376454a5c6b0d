using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Runs an ADB shell command on cloud phones and returns each one's output.</para>
    /// <para type="description">Invoke-KooPhoneCommand sends SyncInvokeInstance for up to 100 instances per call, several calls at once, and writes one result per instance with its status and output (at most 1024 bytes). An instance where the command failed is a result with Status Failed and the service's error code, not an error record; a rejected call gives one error per instance. The command is checked first: at most 1024 bytes of letters, digits, spaces and _ . / : -. For long commands use Start-KooPhoneCommand.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-Content ids.txt | Invoke-KooPhoneCommand -Command 'getprop ro.build.version.release' | Group-Object Output</code>
    ///   <para>Counts the phones listed in ids.txt by Android version.</para>
    /// </example>
    /// <example>
    ///   <code>Invoke-KooPhoneCommand -InstanceId a44uhlf7 -Command 'ls -l /system'</code>
    ///   <para>Lists a directory on one phone.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "KooPhoneCommand", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KooPhoneCommandResult))]
    public sealed class InvokeKooPhoneCommandCommand : InstanceBatchCmdlet<IReadOnlyList<KooPhoneCommandResult>>
    {
        /// <summary>
        /// <para type="description">The ADB shell command: at most 1024 bytes of letters, digits, spaces and _ . / : -.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyString]
        public string Command { get; set; } = "";

        protected override string ActionName => "Command";

        internal override BatchCall<string, IReadOnlyList<KooPhoneCommandResult>> Call => BatchCalls.RunCommand(Command);

        protected override void BeginProcessing()
        {
            CommandChecks.ThrowIfInvalid(this, Command);
            base.BeginProcessing();
        }

        protected override bool Confirm(string instanceId) => ShouldProcess(instanceId, "Run '" + Command + "'");
    }
}
