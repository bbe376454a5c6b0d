using System;
using System.Collections.Generic;
using System.Linq;
using KooPhone.Client.Models;

namespace KooPhone.PowerShell.Cmdlets
{
    /// <summary>Builds SetVideo settings from the rates the cmdlets take.</summary>
    internal static class VideoSettings
    {
        public static KooPhoneVideoSetting Build(VideoNetworkType network, VideoEncodingType encoding, IReadOnlyList<int> codeRates, IReadOnlyList<int> fps) => new KooPhoneVideoSetting
        {
            NetworkType = network,
            EncodingType = encoding,
            Definition540P = new KooPhoneVideoSpec(codeRates[0], fps[0]),
            Definition720P = new KooPhoneVideoSpec(codeRates[1], fps[1]),
            Definition1080P = new KooPhoneVideoSpec(codeRates[2], fps[2]),
        };

        /// <summary>The same rates for all six network × encoding combinations.</summary>
        public static IReadOnlyList<KooPhoneVideoSetting> Uniform(IReadOnlyList<int> codeRates, IReadOnlyList<int> fps) =>
            Enum.GetValues(typeof(VideoNetworkType)).Cast<VideoNetworkType>()
                .SelectMany(n => Enum.GetValues(typeof(VideoEncodingType)).Cast<VideoEncodingType>().Select(e => Build(n, e, codeRates, fps)))
                .ToList();
    }
}
