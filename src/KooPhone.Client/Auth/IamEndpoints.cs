using System;
using KooPhone.Client.Connection;

namespace KooPhone.Client.Auth
{
    /// <summary>
    /// Which IAM host a context asks, for password tokens and for the AK/SK project lookup alike:
    /// the one given (-IamEndpoint), else HUAWEICLOUD_SDK_IAM_ENDPOINT as Huawei's SDKs read it
    /// (a bare host gets https://), else the region's own IAM endpoint; for the scope of a token
    /// given as such, see ForTokenCheck.
    /// </summary>
    internal static class IamEndpoints
    {
        /// <summary>The global IAM endpoint, which answers for every region (docs/api-reference.md §9).</summary>
        public static readonly Uri Global = new Uri("https://iam.myhuaweicloud.com");

        /// <summary>The regional IAM endpoint, e.g. https://iam.cn-north-4.myhuaweicloud.com.</summary>
        public static Uri DefaultFor(string region) => new Uri("https://iam." + region + ".myhuaweicloud.com");

        public static Uri Resolve(Uri? given, string region)
        {
            var endpoint = given ?? FromEnvironment() ?? DefaultFor(region);
            return EndpointPolicy.Validate(endpoint);
        }

        /// <summary>
        /// The IAM host asked which project a token is scoped to (TokenScopeLookup): the one given,
        /// else HUAWEICLOUD_SDK_IAM_ENDPOINT, else the KooPhone endpoint itself when it is on this
        /// machine (the bundled emulator answers IAM on its own address), else the global endpoint.
        /// Never the region's own host: the region is what the answer checks, so a misspelled one
        /// must not pick the host that is asked.
        /// </summary>
        public static Uri ForTokenCheck(Uri? given, Uri kooPhoneEndpoint)
        {
            var endpoint = given ?? FromEnvironment() ?? (EndpointPolicy.IsLoopback(kooPhoneEndpoint) ? kooPhoneEndpoint : Global);
            return EndpointPolicy.Validate(endpoint);
        }

        private static Uri? FromEnvironment()
        {
            var text = KooPhoneEnvironment.Read(KooPhoneEnvironment.IamEndpoint);
            if (text == null)
            {
                return null;
            }

            var withScheme = text.IndexOf("://", StringComparison.Ordinal) >= 0 ? text : "https://" + text;
            if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var endpoint))
            {
                throw new ArgumentException($"The environment variable {KooPhoneEnvironment.IamEndpoint} holds '{text}', which is not an IAM endpoint.");
            }

            return endpoint;
        }
    }
}
