using System.Management.Automation;
using KooPhone.Client.Models;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Builds the video settings of one network and encoding combination, for Set-KooPhoneVideoSetting.</para>
    /// <para type="description">New-KooPhoneVideoSetting makes one of the six settings SetVideo needs (mobile network, Wi-Fi and wired, each with H.264 and H.265): the bit rate and frame rate of 540p, 720p and 1080p. It sends nothing; Set-KooPhoneVideoSetting checks all six together before sending.</para>
    /// </summary>
    /// <example>
    ///   <code>$settings = foreach ($n in 'MobileNetwork','Wifi','Wired') { foreach ($e in 'H264','H265') { New-KooPhoneVideoSetting -NetworkType $n -EncodingType $e -CodeRate 3000,6000,8000 -Fps 30,30,60 } }</code>
    ///   <para>Builds all six settings with the same rates.</para>
    /// </example>
    /// <example>
    ///   <code>New-KooPhoneVideoSetting -NetworkType Wifi -EncodingType H265 -CodeRate 4000,8000,10000 -Fps 60,60,60</code>
    ///   <para>Builds the Wi-Fi/H.265 setting with higher rates.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "KooPhoneVideoSetting")]
    [OutputType(typeof(KooPhoneVideoSetting))]
    public sealed class NewKooPhoneVideoSettingCommand : PSCmdlet
    {
        /// <summary>
        /// <para type="description">The network: MobileNetwork, Wifi or Wired.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0)]
        public VideoNetworkType NetworkType { get; set; }

        /// <summary>
        /// <para type="description">The codec: H264 or H265.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 1)]
        public VideoEncodingType EncodingType { get; set; }

        /// <summary>
        /// <para type="description">Bit rates in kbit/s for 540p, 720p and 1080p, in that order: 0 to 10000, in steps of 100 (the SDK's rule). Set-KooPhoneVideoSetting checks them before sending.</para>
        /// </summary>
        [Parameter(Mandatory = true)]
        [ValidateCount(3, 3)]
        public int[] CodeRate { get; set; } = new int[0];

        /// <summary>
        /// <para type="description">Frame rates for 540p, 720p and 1080p, in that order: 30 or 60 each.</para>
        /// </summary>
        [Parameter(Mandatory = true)]
        [ValidateCount(3, 3)]
        public int[] Fps { get; set; } = new int[0];

        protected override void EndProcessing() => WriteObject(VideoSettings.Build(NetworkType, EncodingType, CodeRate, Fps));
    }
}
