using System;
using System.Collections.Generic;
using System.Linq;
using KooPhone.Client.Models;

namespace KooPhone.Client.Validation
{
    /// <summary>
    /// SetVideo's rules, checked before anything is sent. The bit-rate rule is the SDK's (0 to 10000
    /// kbit/s, a multiple of 100), looser than the API page's 100 to 10000: the module is never
    /// stricter than the SDK, and the service decides about 0 (docs/operations.md).
    /// </summary>
    internal static class VideoSettingRules
    {
        public const int MinCodeRate = 0;
        public const int MaxCodeRate = 10000;
        public const int CodeRateStep = 100;

        /// <summary>Every problem with the settings; empty when they can be sent.</summary>
        public static IReadOnlyList<string> Check(IReadOnlyList<KooPhoneVideoSetting> settings)
        {
            var problems = new List<string>();
            foreach (var network in Enum.GetValues(typeof(VideoNetworkType)).Cast<VideoNetworkType>())
            {
                foreach (var encoding in Enum.GetValues(typeof(VideoEncodingType)).Cast<VideoEncodingType>())
                {
                    var count = settings.Count(s => s.NetworkType == network && s.EncodingType == encoding);
                    if (count == 0)
                    {
                        problems.Add($"The setting for {network}/{encoding} is missing; SetVideo needs all six network and encoding combinations.");
                    }
                    else if (count > 1)
                    {
                        problems.Add($"The setting for {network}/{encoding} is given {count} times.");
                    }
                }
            }

            foreach (var setting in settings)
            {
                CheckSpec(problems, setting, "540P", setting.Definition540P);
                CheckSpec(problems, setting, "720P", setting.Definition720P);
                CheckSpec(problems, setting, "1080P", setting.Definition1080P);
            }

            return problems;
        }

        private static void CheckSpec(List<string> problems, KooPhoneVideoSetting setting, string definition, KooPhoneVideoSpec? spec)
        {
            var where = $"{setting.NetworkType}/{setting.EncodingType} {definition}";
            if (spec == null)
            {
                problems.Add($"{where} has no settings.");
                return;
            }

            if (spec.CodeRate < MinCodeRate || spec.CodeRate > MaxCodeRate || spec.CodeRate % CodeRateStep != 0)
            {
                problems.Add($"{where}: the bit rate {spec.CodeRate} kbit/s is not a multiple of {CodeRateStep} from {MinCodeRate} to {MaxCodeRate}.");
            }

            if (spec.Fps != 30 && spec.Fps != 60)
            {
                problems.Add($"{where}: the frame rate {spec.Fps} is neither 30 nor 60.");
            }
        }
    }
}
