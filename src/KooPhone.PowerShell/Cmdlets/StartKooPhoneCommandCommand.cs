using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Starts an ADB shell command on cloud phones without waiting for it.</para>
    /// <para type="description">Start-KooPhoneCommand sends AsyncInvokeInstance for up to 100 instances per call and writes one job result per instance. Pipe the results to Wait-KooPhoneTask (or use -Wait) to get each instance's final status and output. The command is checked first, as for Invoke-KooPhoneCommand.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'shop-*' | Start-KooPhoneCommand -Command 'pm clear com.example.app' | Wait-KooPhoneTask</code>
    ///   <para>Clears an app's data on the shop phones and waits for each to finish.</para>
    /// </example>
    /// <example>
    ///   <code>Start-KooPhoneCommand -InstanceId a44uhlf7 -Command 'ls -l /system' -Wait | Select-Object InstanceId, Status, Output</code>
    ///   <para>Runs a command as a task and shows its output.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "KooPhoneCommand", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KooPhoneJobResult))]
    public sealed class StartKooPhoneCommandCommand : InstanceTaskCmdlet
    {
        /// <summary>
        /// <para type="description">The ADB shell command: at most 1024 bytes of letters, digits, spaces and _ . / : -.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowEmptyString]
        public string Command { get; set; } = "";

        protected override string ActionName => "Command";

        internal override BatchCall<string, BatchSubmission> Call => BatchCalls.StartCommand(Command);

        protected override void BeginProcessing()
        {
            CommandChecks.ThrowIfInvalid(this, Command);
            base.BeginProcessing();
        }

        protected override bool Confirm(string instanceId) => ShouldProcess(instanceId, "Start '" + Command + "'");
    }
}
