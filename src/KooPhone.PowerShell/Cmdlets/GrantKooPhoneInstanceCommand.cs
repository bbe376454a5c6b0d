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
    /// <para type="synopsis">Assigns cloud phones to end users.</para>
    /// <para type="description">Grant-KooPhoneInstance binds instances to users of the tenant (ProvisionInstance), up to 100 pairs per call. Give -UserId and -InstanceId, or pipe objects with UserId and InstanceId properties (a CSV of assignments). It writes one accepted result per pair; -WhatIf sends nothing.</para>
    /// </summary>
    /// <example>
    ///   <code>Import-Csv assignments.csv | Grant-KooPhoneInstance</code>
    ///   <para>Assigns each phone in the file (columns UserId, InstanceId) to its user.</para>
    /// </example>
    /// <example>
    ///   <code>Grant-KooPhoneInstance -UserId 1008600000104285462 -InstanceId a44uhlf7</code>
    ///   <para>Assigns one phone.</para>
    /// </example>
    [Cmdlet(VerbsSecurity.Grant, "KooPhoneInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KooPhoneActionResult))]
    public sealed class GrantKooPhoneInstanceCommand : UserInstanceBatchCmdlet<ActionReceipt>
    {
        protected override string ActionName => "Assign";

        internal override BatchCall<UserInstancePair, ActionReceipt> Call => BatchCalls.Grant;

        protected override bool Confirm(UserInstancePair pair) => ShouldProcess(pair.InstanceId, "Assign to user " + pair.UserId);
    }
}
