using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Runs;
using KooPhone.Client.Validation;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Sets the streaming bit and frame rates of cloud phones.</para>
    /// <para type="description">Set-KooPhoneVideoSetting sends SetVideo for up to 100 instances per call. The service needs all six network and encoding combinations at once; give them with -Setting (from New-KooPhoneVideoSetting) or the same rates for all six with -CodeRate and -Fps. The settings are checked before anything is sent: every combination exactly once, bit rates 0 to 10000 kbit/s in steps of 100 (the SDK's rule; the service decides whether it takes 0), frame rates 30 or 60. -WhatIf sends nothing.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-KooPhoneInstance -Name 'lab-*' | Set-KooPhoneVideoSetting -CodeRate 3000,6000,8000 -Fps 30,30,60</code>
    ///   <para>Gives the lab phones the same rates on every network and codec.</para>
    /// </example>
    /// <example>
    ///   <code>$settings = foreach ($n in 'MobileNetwork','Wifi','Wired') { foreach ($e in 'H264','H265') { New-KooPhoneVideoSetting $n $e -CodeRate 2000,4000,6000 -Fps 30,30,30 } }
    /// Set-KooPhoneVideoSetting -InstanceId a44uhlf7 -Setting $settings</code>
    ///   <para>Sets six settings built one by one.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "KooPhoneVideoSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = UniformSet)]
    [OutputType(typeof(KooPhoneActionResult))]
    public sealed class SetKooPhoneVideoSettingCommand : InstanceBatchCmdlet<ActionReceipt>
    {
        private const string UniformSet = "Uniform";
        private const string SettingSet = "Setting";
        private IReadOnlyList<KooPhoneVideoSetting> _settings = new KooPhoneVideoSetting[0];

        /// <summary>
        /// <para type="description">All six settings, one per network and encoding combination (New-KooPhoneVideoSetting builds them).</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = SettingSet)]
        [ValidateNotNull]
        public KooPhoneVideoSetting[] Setting { get; set; } = new KooPhoneVideoSetting[0];

        /// <summary>
        /// <para type="description">Bit rates in kbit/s for 540p, 720p and 1080p, used for all six combinations.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = UniformSet)]
        [ValidateCount(3, 3)]
        public int[] CodeRate { get; set; } = new int[0];

        /// <summary>
        /// <para type="description">Frame rates (30 or 60) for 540p, 720p and 1080p, used for all six combinations.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = UniformSet)]
        [ValidateCount(3, 3)]
        public int[] Fps { get; set; } = new int[0];

        protected override string ActionName => "SetVideo";

        internal override BatchCall<string, ActionReceipt> Call => BatchCalls.SetVideo(_settings);

        protected override void BeginProcessing()
        {
            _settings = ParameterSetName == SettingSet ? Setting : VideoSettings.Uniform(CodeRate, Fps);
            var problems = VideoSettingRules.Check(_settings);
            if (problems.Count > 0)
            {
                ThrowTerminatingError(new ErrorRecord(new System.ArgumentException("The video settings cannot be sent: " + string.Join(" ", problems)), "KooPhone.InvalidVideoSetting", ErrorCategory.InvalidArgument, _settings));
            }

            base.BeginProcessing();
        }

        protected override bool Confirm(string instanceId) => ShouldProcess(instanceId, "Set video settings");
    }
}
