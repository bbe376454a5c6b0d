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
    /// <para type="synopsis">Lists the apps installed on cloud phones.</para>
    /// <para type="description">Get-KooPhoneApp pages through ListInstanceApp (200 apps per page) for each instance, several instances at once, and writes one object per app with its instance id, name, version and package name.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneApp -InstanceId a44uhlf7 -AppType ThirdParty</code>
    ///   <para>Lists the third-party apps of one phone.</para>
    /// </example>
    /// <example>
    ///   <code>Get-KooPhoneInstance | Get-KooPhoneApp | Where-Object PackageName -eq com.example.app | Select-Object InstanceId, Version</code>
    ///   <para>Shows which version of an app each phone has.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "KooPhoneApp")]
    [OutputType(typeof(KooPhoneApp))]
    public sealed class GetKooPhoneAppCommand : SingleInstanceCmdlet<IReadOnlyList<KooPhoneApp>>
    {
        /// <summary>
        /// <para type="description">Which apps: All (default), System or ThirdParty.</para>
        /// </summary>
        [Parameter]
        public AppType AppType { get; set; } = AppType.All;

        protected override string ActionName => "ListApps";

        internal override BatchCall<string, IReadOnlyList<KooPhoneApp>> Call => BatchCalls.Apps(AppType);
    }
}
