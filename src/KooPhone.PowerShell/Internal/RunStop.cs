using System;
using System.Collections.Generic;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Connection;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Decides when a batch run must stop sending, and says why in one terminating error:
    /// <list type="bullet">
    /// <item>the service refused the credential (APIGW.0301 once renewal, where the context can
    /// renew, has been tried): nothing more can succeed;</item>
    /// <item>the service stopped answering: two rounds of calls in a row (twice the calls in
    /// flight, at least three) ended without an answer, the circuit breaker. One round is not
    /// enough: a network blip fails every call in flight at once, and a flaky network that loses
    /// some answers is the reconciler's job, not a reason to stop;</item>
    /// <item>-ErrorAction Stop (or $ErrorActionPreference) and the first error of an id.</item>
    /// </list>
    /// </summary>
    internal sealed class RunStop
    {
        private readonly PSCmdlet _cmdlet;
        private readonly KooPhoneContext _context;
        private readonly string _action;
        private readonly int _circuitThreshold;
        private int _unansweredInARow;

        public RunStop(PSCmdlet cmdlet, KooPhoneContext context, string action, int callsInFlight)
        {
            _cmdlet = cmdlet;
            _context = context;
            _action = action;
            _circuitThreshold = Math.Max(3, 2 * callsInFlight);
        }

        /// <summary>The first error of an id once the run is stopping: what the terminating error carries.</summary>
        public ErrorRecord? Reason { get; private set; }

        /// <summary>What made it stop, in words, for the terminating error.</summary>
        public string? Why { get; private set; }

        /// <summary>True while the run waits for its calls in flight before it ends.</summary>
        public bool Draining { get; set; }

        /// <summary>
        /// Looks at how a call ended, as it ends (before the next call goes out): true when the run
        /// must send nothing more. Calls that got no answer are counted; any answer resets the count.
        /// </summary>
        public bool Inspect(IEnumerable<(BatchPartKind Kind, Exception? Error)> parts)
        {
            foreach (var (kind, error) in parts)
            {
                if (kind == BatchPartKind.Answered || kind == BatchPartKind.Done || error == null)
                {
                    _unansweredInARow = 0;
                    continue;
                }

                if (error is OperationCanceledException)
                {
                    continue;
                }

                if (error is KooPhoneApiException api && (api.ErrorCode == "APIGW.0301" || api.HttpStatus == 401))
                {
                    Why ??= "the service refused the credential of " + CredentialSource();
                }
                else if (IsUnanswered(error) && ++_unansweredInARow >= _circuitThreshold)
                {
                    Why ??= $"the service is not answering: {_unansweredInARow} calls in a row got no answer";
                }
                else if (!IsUnanswered(error))
                {
                    _unansweredInARow = 0;
                }

                if (StopOnError())
                {
                    Why ??= "-ErrorAction Stop ends the run at the first error";
                }
            }

            return Why != null;
        }

        /// <summary>
        /// True when this id's error is kept for the run record instead of being written: the run
        /// is stopping. The first such error is the one the terminating error carries.
        /// </summary>
        public bool Claims(ErrorRecord record)
        {
            if (Why == null)
            {
                return false;
            }

            Reason ??= record;
            return true;
        }

        /// <summary>The one terminating error of a stopped run.</summary>
        public ErrorRecord Terminating(int notSent)
        {
            var first = Reason ?? new ErrorRecord(new InvalidOperationException(Why), "KooPhone.RunStopped", ErrorCategory.OperationStopped, null);
            var record = new ErrorRecord(first.Exception, first.FullyQualifiedErrorId.Split(',')[0], first.CategoryInfo.Category, first.TargetObject);
            var advice = $" {notSent} id(s) were not sent (Get-KooPhoneRun -Last -Outcome NotSent lists them; they are safe to run again), and the rest of the pipeline's input was not read.";
            record.ErrorDetails = new ErrorDetails($"{_action} stopped: {Why}. {first.ErrorDetails?.Message ?? first.Exception.Message}{advice}");
            record.ErrorDetails.RecommendedAction = first.ErrorDetails?.RecommendedAction;
            return record;
        }

        private static bool IsUnanswered(Exception error) =>
            error is KooPhoneConnectionException || (error is KooPhoneApiException api && api.HttpStatus >= 500);

        private bool StopOnError()
        {
            var bound = _cmdlet.MyInvocation.BoundParameters;
            var preference = bound.TryGetValue("ErrorAction", out var given) ? given : _cmdlet.GetVariableValue("ErrorActionPreference");
            return preference is ActionPreference action ? action == ActionPreference.Stop : string.Equals(preference?.ToString(), "Stop", StringComparison.OrdinalIgnoreCase);
        }

        private string CredentialSource()
        {
            if (_cmdlet.MyInvocation.BoundParameters.ContainsKey("Context"))
            {
                return "the connection given with -Context";
            }

            if (_context.Source == KooPhoneContextSource.Connected)
            {
                return "the connection Connect-KooPhone made";
            }

            return _context.AuthenticationMode == Client.Auth.AuthenticationMode.AccessKey
                ? $"the environment variables {KooPhoneEnvironment.AccessKey} and {KooPhoneEnvironment.SecretKey}"
                : "the environment variable " + KooPhoneEnvironment.Token;
        }
    }
}
