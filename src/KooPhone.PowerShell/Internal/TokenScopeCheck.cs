using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using KooPhone.Client.Api;
using KooPhone.Client.Auth;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Connect-KooPhone's check of a token given with -Token, after the check call proved that
    /// KooPhone takes it: IAM names the project the token is scoped to (TokenScopeLookup), and the
    /// connection's region must be that project's. A -Region that disagrees (a typo such as
    /// cn-noth-4, or another region's token) is refused with an error naming the token's region;
    /// without -Region the connection takes the token's. When IAM cannot say (unreachable,
    /// failing, refusing the validation, an answer without a project), a warning says the region
    /// was not checked and the connect goes on: the KooPhone pages do not describe the token
    /// validation (docs/api-reference.md §7.2 [UNCONFIRMED]), so the tolerant choice is not to let
    /// it block a token KooPhone accepts.
    /// </summary>
    internal sealed class TokenScopeCheck
    {
        public const string RegionMismatch = "KooPhone.RegionMismatch";

        private readonly PSCmdlet _cmdlet;
        private readonly CallScope _calls;

        public TokenScopeCheck(PSCmdlet cmdlet, CallScope calls)
        {
            _cmdlet = cmdlet;
            _calls = calls;
        }

        /// <summary>The token's scope as IAM at <paramref name="iamEndpoint"/> reports it, or null (with a warning) when IAM could not say.</summary>
        public TokenScope? Read(SecureString token, Uri iamEndpoint, TimeSpan attemptTimeout, string region)
        {
            TokenScope scope;
            try
            {
                scope = _calls.Await(new TokenScopeLookup(iamEndpoint, attemptTimeout: attemptTimeout).FindAsync(token, _calls.Traces, _calls.Token));
            }
            catch (Exception e) when (ErrorRecords.IsCallFailure(e) || e is IOException)
            {
                _calls.WriteTraces();
                _cmdlet.WriteWarning(ErrorText.OneLine(
                    $"IAM at {iamEndpoint} could not say which project the token is scoped to ({Reason(e)}), so the region '{region}' was not checked against the token. -IamEndpoint names another IAM host."));
                return null;
            }

            _calls.WriteTraces();
            if (scope.Region == null)
            {
                _cmdlet.WriteWarning($"IAM at {iamEndpoint} names no project for the token (a domain-scoped token?), so the region '{region}' was not checked; KooPhone takes project-scoped tokens.");
                return null;
            }

            return scope;
        }

        /// <summary>
        /// The region to connect to: the token's when none was given, the given one when the token
        /// is scoped to it (spelt as IAM spells it), else null, and <paramref name="refusal"/> says why.
        /// </summary>
        public static string? RegionFor(TokenScope scope, string region, bool regionGiven, out ErrorRecord? refusal)
        {
            refusal = null;
            if (!regionGiven)
            {
                return scope.Region;
            }

            if (scope.Covers(region))
            {
                return string.Equals(region, scope.ProjectName, StringComparison.OrdinalIgnoreCase) ? scope.ProjectName : scope.Region;
            }

            var advice = $"Connect with -Region {scope.Region}, or without -Region to take the token's, or with a token of '{region}'.";
            refusal = new ErrorRecord(
                new ArgumentException($"The token is scoped to project '{scope.ProjectName}' ({scope.ProjectId}) of region {scope.Region}, not to -Region '{region}'. {advice}"),
                RegionMismatch, ErrorCategory.InvalidArgument, region);
            refusal.ErrorDetails = new ErrorDetails(refusal.Exception.Message) { RecommendedAction = advice };
            return null;
        }

        private static string Reason(Exception e) =>
            e is KooPhoneApiException api ? $"{api.ErrorCode}: {api.ErrorMessage?.TrimEnd('.')}"
            : e is KooPhoneConnectionException connection ? (connection.TimedOut ? "no answer in time" : connection.Reason)
            : Client.Http.TransportFailureText.Describe(e);
    }
}
