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
    /// <para type="synopsis">Reads the run status of many cloud phones at once.</para>
    /// <para type="description">Get-KooPhoneInstanceStatus asks BatchShowInstance for up to 100 instances per call, several calls at once, and writes one status per instance: a quick check before a batch operation. The service refuses a whole batch when one id is unknown; that id gets an error and the others are asked again without it.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-Content ids.txt | Get-KooPhoneInstanceStatus | Group-Object RunStatus</code>
    ///   <para>Counts the listed instances by run status.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneInstanceStatus a44uhlf7, efjy72gs</code>
    ///   <para>Shows the status of two instances.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "KooPhoneInstanceStatus")]
    [OutputType(typeof(KooPhoneInstanceStatus))]
    public sealed class GetKooPhoneInstanceStatusCommand : InstanceBatchCmdlet<IReadOnlyList<KooPhoneInstanceStatus>>
    {
        protected override string ActionName => "Status";

        protected override KooPhoneOperation Operation => KooPhoneOperation.BatchShowInstance;

        protected override Task<IReadOnlyList<KooPhoneInstanceStatus>> SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            api.ShowInstanceStatusAsync(instanceIds, cancellationToken);

        protected override void OnBatchSucceeded(IReadOnlyList<string> instanceIds, IReadOnlyList<KooPhoneInstanceStatus> statuses)
        {
            var byId = statuses.GroupBy(s => s.InstanceId).ToDictionary(g => g.Key, g => g.First());
            foreach (var id in instanceIds)
            {
                if (byId.TryGetValue(id, out var status))
                {
                    WriteObject(status);
                }
                else
                {
                    WriteMissing(id, "The service answered without a status for this instance.");
                }
            }
        }
    }
}
