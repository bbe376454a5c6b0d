using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

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

        protected override KooPhoneOperation Operation => KooPhoneOperation.ListInstanceApp;

        protected override Task<IReadOnlyList<KooPhoneApp>> SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
            api.ListAppsAsync(instanceIds[0], AppType, cancellationToken);

        protected override void OnBatchSucceeded(IReadOnlyList<string> instanceIds, IReadOnlyList<KooPhoneApp> apps) => WriteObject(apps, enumerateCollection: true);
    }
}
