using System;
using System.Net;

namespace KooPhone.Client.Connection
{
    /// <summary>
    /// Which endpoints a context may talk to: HTTPS anywhere, plain HTTP only to this machine
    /// (the emulator), because a token or signature sent in clear text is a token given away.
    /// </summary>
    internal static class EndpointPolicy
    {
        public static readonly Uri DefaultEndpoint = new Uri("https://koophone.myhuaweicloud.com");

        public static Uri Validate(Uri endpoint)
        {
            if (endpoint == null)
            {
                throw new ArgumentNullException(nameof(endpoint));
            }

            if (!endpoint.IsAbsoluteUri)
            {
                throw new ArgumentException($"The endpoint '{endpoint}' is not an absolute URI such as https://koophone.myhuaweicloud.com.", nameof(endpoint));
            }

            if (endpoint.Scheme == Uri.UriSchemeHttps)
            {
                return endpoint;
            }

            if (endpoint.Scheme == Uri.UriSchemeHttp)
            {
                if (IsLoopback(endpoint))
                {
                    return endpoint;
                }

                throw new ArgumentException($"The endpoint '{endpoint}' uses plain http:// to a host that is not this machine; credentials would cross the network unencrypted. Use https://, or http:// only for a loopback emulator.", nameof(endpoint));
            }

            throw new ArgumentException($"The endpoint '{endpoint}' has the scheme '{endpoint.Scheme}'; use https://.", nameof(endpoint));
        }

        /// <summary>Whether the endpoint is on this machine (localhost or a loopback address).</summary>
        internal static bool IsLoopback(Uri endpoint)
        {
            if (endpoint.IsLoopback)
            {
                return true;
            }

            return IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
        }
    }
}
