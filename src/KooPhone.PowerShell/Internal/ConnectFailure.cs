using System;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using KooPhone.Client.Api;
using KooPhone.Client.Http;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// The one error of a Connect-KooPhone that could not reach its endpoint (KooPhone's, or IAM's
    /// for a password): "Cannot reach &lt;endpoint&gt;: connection refused." with what to check.
    /// No word about ids or instances: nothing was run yet. Answers from the service (a refused
    /// token, say) keep the error their code gives. It names -Endpoint and its default, not
    /// KOOPHONE_ENDPOINT: that variable serves the cmdlets when nothing was connected, and
    /// Connect-KooPhone does not read it.
    /// </summary>
    internal static class ConnectFailure
    {
        private const string Network = "the network and the proxy (-Proxy, or HTTPS_PROXY and NO_PROXY).";

        /// <param name="error">How the check failed.</param>
        /// <param name="endpoint">The endpoint the check called.</param>
        /// <param name="iam">True when that was IAM's (a password is exchanged for a token first).</param>
        public static ErrorRecord For(Exception error, Uri endpoint, bool iam)
        {
            string reason;
            switch (error)
            {
                case KooPhoneConnectionException connection:
                    reason = connection.TimedOut
                        ? $"no answer in time ({connection.Attempts} attempt{(connection.Attempts == 1 ? "" : "s")})"
                        : connection.Reason;
                    break;
                case HttpRequestException _:
                case IOException _:
                    reason = TransportFailureText.Describe(error);
                    break;
                default:
                    return ErrorRecords.ForTarget(error, endpoint, "Connecting to KooPhone");
            }

            var advice = iam
                ? "Check the IAM address (-IamEndpoint, default from -Region), " + Network
                : "Check the address (-Endpoint, default " + Client.Connection.EndpointPolicy.DefaultEndpoint + "), " + Network;
            var record = new ErrorRecord(error, ErrorRecords.ConnectionError, ErrorCategory.ConnectionError, endpoint);
            record.ErrorDetails = new ErrorDetails(ErrorText.OneLine($"Cannot reach {endpoint}: {reason}. {advice}")) { RecommendedAction = advice };
            return record;
        }
    }
}
