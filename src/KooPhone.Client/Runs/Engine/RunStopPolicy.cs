using System;
using System.Collections.Generic;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// Decides when a batch run must stop sending:
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
    internal sealed class RunStopPolicy
    {
        private readonly bool _stopOnFirstError;
        private readonly string _credentialSource;
        private readonly int _circuitThreshold;
        private int _unansweredInARow;

        // credentialSource names, for the message, where the refused credential came from.
        public RunStopPolicy(int callsInFlight, bool stopOnFirstError, string credentialSource)
        {
            _stopOnFirstError = stopOnFirstError;
            _credentialSource = credentialSource;
            _circuitThreshold = Math.Max(3, 2 * callsInFlight);
        }

        /// <summary>What made it stop, in words; null while the run may go on.</summary>
        public string? Why { get; private set; }

        /// <summary>The first error of an id once the run is stopping: what the stop carries.</summary>
        public (Exception Error, string Target, RunOutcome Outcome)? First { get; private set; }

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
                    Why ??= "the service refused the credential of " + _credentialSource;
                }
                else if (IsUnanswered(error) && ++_unansweredInARow >= _circuitThreshold)
                {
                    Why ??= $"the service is not answering: {_unansweredInARow} calls in a row got no answer";
                }
                else if (!IsUnanswered(error))
                {
                    _unansweredInARow = 0;
                }

                if (_stopOnFirstError)
                {
                    Why ??= "-ErrorAction Stop ends the run at the first error";
                }
            }

            return Why != null;
        }

        /// <summary>
        /// True when this id's error is kept for the run record instead of being written: the run
        /// is stopping. The first such error is the one the stop carries.
        /// </summary>
        public bool Claims(Exception error, string target, RunOutcome outcome)
        {
            if (Why == null)
            {
                return false;
            }

            First ??= (error, target, outcome);
            return true;
        }

        private static bool IsUnanswered(Exception error) =>
            error is KooPhoneConnectionException || (error is KooPhoneApiException api && api.HttpStatus >= 500);
    }
}
