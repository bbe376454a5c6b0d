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
    /// <para type="synopsis">Shows how far preparing cloud phones for a user has come.</para>
    /// <para type="description">Get-KooPhonePrepareProgress asks ShowProgress for each user–instance pair (one call per instance, several at once) and writes the progress: Ready (streaming may start), Queued, RestoringOrOffline, BackingUp or Failed. Pipe in Restore-KooPhoneInstance's results, or objects with UserId and InstanceId.</para>
    /// </summary>
    /// <example>
    ///   <code>Restore-KooPhoneInstance -UserId $user -InstanceId a44uhlf7 | Get-KooPhonePrepareProgress</code>
    ///   <para>Checks the progress right after asking for preparation.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhonePrepareProgress -UserId 1008600000104285462 -InstanceId a44uhlf7</code>
    ///   <para>Checks one instance.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "KooPhonePrepareProgress")]
    [OutputType(typeof(KooPhonePrepareResult))]
    public sealed class GetKooPhonePrepareProgressCommand : UserInstanceCmdlet<KooPhonePrepareResult>
    {
        protected override int ItemsPerCall => 1;

        protected override string ActionName => "PrepareProgress";

        internal override BatchCall<UserInstancePair, KooPhonePrepareResult> Call => BatchCalls.PrepareProgress;
    }
}
