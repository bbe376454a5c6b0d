using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    /// <summary>SetVideo's spelling of the network types.</summary>
    internal static class VideoWireNames
    {
        public static string Of(VideoNetworkType network)
        {
            switch (network)
            {
                case VideoNetworkType.MobileNetwork:
                    return "MOBILE_NETWORK";
                case VideoNetworkType.Wifi:
                    return "WIFI";
                default:
                    return "WIRED";
            }
        }
    }
}
