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

        internal override BatchCall<string, IReadOnlyList<KooPhoneInstanceStatus>> Call => BatchCalls.Status;
    }
}
