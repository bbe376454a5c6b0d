using System;
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
    /// <para type="synopsis">Installs an APK from OBS on cloud phones.</para>
    /// <para type="description">Install-KooPhoneApp sends InstallApp for up to 100 instances per call and writes one job result per instance. With -Wait it follows each install through the task query to its end. -WhatIf sends nothing.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'shop-*' | Install-KooPhoneApp -PackageUrl https://bucket.obs.cn-north-4.myhuaweicloud.com/app.apk -PackageName com.example.app -Version 1.2.0 -SizeMB 45 -Md5 9e107d9d372bb6826bd81d3542a419d6 -Wait</code>
    ///   <para>Installs an app on the shop phones and waits for every install.</para>
    /// </example>
    /// <example>
    ///   <code>Install-KooPhoneApp a44uhlf7 -PackageUrl $url -PackageName com.example.app -Version 1.0 -SizeMB 12 -Md5 $md5 -FastInstall</code>
    ///   <para>Fast-installs an app on one phone.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Install, "KooPhoneApp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(KooPhoneJobResult))]
    public sealed class InstallKooPhoneAppCommand : InstanceTaskCmdlet
    {
        private AppPackage _package = new AppPackage();

        /// <summary>
        /// <para type="description">The OBS URL the phones download the APK from (at most 2000 characters).</para>
        /// </summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public Uri PackageUrl { get; set; } = null!;

        /// <summary>
        /// <para type="description">The app's package name after install, e.g. com.example.app (at most 100 characters).</para>
        /// </summary>
        [Parameter(Mandatory = true)]
        [ValidateLength(1, 100)]
        public string PackageName { get; set; } = "";

        /// <summary>
        /// <para type="description">The APK's file name with extension; by default the last segment of -PackageUrl.</para>
        /// </summary>
        [Parameter]
        [ValidateLength(1, 100)]
        public string? FileName { get; set; }

        /// <summary>
        /// <para type="description">The app's version (at most 100 characters).</para>
        /// </summary>
        [Parameter(Mandatory = true)]
        [ValidateLength(1, 100)]
        public string Version { get; set; } = "";

        /// <summary>
        /// <para type="description">The APK's size in MB.</para>
        /// </summary>
        [Parameter(Mandatory = true)]
        [ValidateRange(0.001, 100000)]
        public double SizeMB { get; set; }

        /// <summary>
        /// <para type="description">The APK's MD5 as 32 hex digits. The docs call it optional but the SDK requires it, so it is always sent.</para>
        /// </summary>
        [Parameter(Mandatory = true)]
        [ValidatePattern("^[0-9a-fA-F]{32}$")]
        public string Md5 { get; set; } = "";

        /// <summary>
        /// <para type="description">Uses the service's fast install.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter FastInstall { get; set; }

        protected override string ActionName => "InstallApp";

        internal override BatchCall<string, BatchSubmission> Call => BatchCalls.InstallApp(_package);

        protected override void BeginProcessing()
        {
            if (!PackageUrl.IsAbsoluteUri || PackageUrl.AbsoluteUri.Length > 2000)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("-PackageUrl must be an absolute URL of at most 2000 characters."), "KooPhone.InvalidPackage", ErrorCategory.InvalidArgument, PackageUrl));
            }

            var fileName = FileName ?? Uri.UnescapeDataString(PackageUrl.Segments.Length > 0 ? PackageUrl.Segments[PackageUrl.Segments.Length - 1] : "");
            if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 100)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("The APK's file name cannot be taken from -PackageUrl; give -FileName."), "KooPhone.InvalidPackage", ErrorCategory.InvalidArgument, PackageUrl));
            }

            _package = new AppPackage
            {
                PackageName = PackageName,
                FileName = fileName,
                Version = Version,
                SizeMB = SizeMB.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Url = PackageUrl.AbsoluteUri,
                Md5 = Md5.ToLowerInvariant(),
                FastInstall = FastInstall,
            };
            base.BeginProcessing();
        }

        protected override bool Confirm(string instanceId) => ShouldProcess(instanceId, "Install " + PackageName + " " + Version);
    }
}
