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
    /// <para type="synopsis">Gets what a streaming client needs to connect to cloud phones.</para>
    /// <para type="description">Get-KooPhoneDeviceToken calls ExecuteInstanceAuthToken for each instance (several at once) and writes the device token, the signalling URL, ICE servers and addresses. The device token is a secret and comes as a SecureString; hand it to the streaming client with ConvertFrom-SecureString -AsPlainText only where it is needed. Prepare the instance first (Restore-KooPhoneInstance -Wait).</para>
    /// </summary>
    /// <example>
    ///   <code>$stream = Get-KooPhoneDeviceToken -InstanceId a44uhlf7 -StreamType H5</code>
    ///   <para>Gets the connection details for H5 streaming.</para>
    /// </example>
    /// <example>
    ///   <code>Restore-KooPhoneInstance -UserId $user -InstanceId a44uhlf7 -Wait | Where-Object Progress -eq Ready | Get-KooPhoneDeviceToken</code>
    ///   <para>Prepares a phone and gets its token once it is ready.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "KooPhoneDeviceToken")]
    [OutputType(typeof(KooPhoneDeviceToken))]
    public sealed class GetKooPhoneDeviceTokenCommand : SingleInstanceCmdlet<KooPhoneDeviceToken>
    {
        /// <summary>
        /// <para type="description">The kind of streaming: Sdk or H5. Without it the service's default applies (the parameter exists only in the newest API pages).</para>
        /// </summary>
        [Parameter]
        public StreamType? StreamType { get; set; }

        protected override string ActionName => "DeviceToken";

        internal override BatchCall<string, KooPhoneDeviceToken> Call => BatchCalls.DeviceToken((int?)StreamType);
    }
}
