using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Runs an ADB shell command on cloud phones and returns each one's output.</para>
    /// <para type="description">Invoke-KooPhoneCommand sends SyncInvokeInstance for up to 100 instances per call, several calls at once, and writes one result per instance with its status and output (at most 1024 bytes). An instance where the command failed is a result with Status Failed and the service's error code, not an error record; a rejected call gives one error per instance. The command is checked first: at most 1024 bytes of letters, digits, spaces and _ . / : -. For long commands use Start-KooPhoneCommand.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneInstance | Invoke-KooPhoneCommand -Command 'getprop ro.build.version.release' | Group-Object Output</code>
    ///   <para>Counts the fleet by Android version.</para>
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

        protected override KooPhoneOperation Operation => KooPhoneOperation.SyncInvokeInstance;

        protected override void BeginProcessing()
        {
            CommandChecks.ThrowIfInvalid(this, Command);
            base.BeginProcessing();
        }

        protected override Task<IReadOnlyList<KooPhoneCommandResult>> SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            api.RunCommandAsync(Command, instanceIds, cancellationToken);

        protected override bool Confirm(string instanceId) => ShouldProcess(instanceId, "Run '" + Command + "'");

        protected override void OnBatchSucceeded(IReadOnlyList<string> instanceIds, IReadOnlyList<KooPhoneCommandResult> results)
        {
            var byId = results.GroupBy(r => r.InstanceId).ToDictionary(g => g.Key, g => g.First());
            foreach (var id in instanceIds)
            {
                if (byId.TryGetValue(id, out var result))
                {
                    WriteObject(result);
                }
                else
                {
                    WriteMissing(id, "The service answered without a result for this instance.");
                }
            }
        }
    }
}
