using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Reconciling;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// Wait-KooPhoneTask as a run of its own (Get-KooPhoneRun -List shows it): every job it was
    /// given ends in its record exactly once, with the status it ended with or, when the wait
    /// stopped or reached its limit first, the last one seen. What it learns of an entry fed from
    /// an earlier run of the session goes into that run's record too (<see cref="RunSources"/>).
    /// </summary>
    internal sealed class WaitRun : IDisposable
    {
        // How long a stopped wait waits for its poll to end, so what that poll learned is recorded.
        private static readonly TimeSpan StoppedRoundWait = TimeSpan.FromSeconds(10);

        private readonly RunLedger _ledger;
        private readonly RunFollower<KooPhoneJobResult> _follower;
        private readonly RunSources _sources;
        private readonly Func<(int Calls, int Attempts)> _callCounts;
        private int _ended;
        private bool _closed;

        public WaitRun(string command, RunFollower<KooPhoneJobResult> follower, RunSources sources, Func<(int Calls, int Attempts)> callCounts)
        {
            _ledger = new RunLedger(command, KooPhoneOperation.ExecuteJob);
            _follower = follower;
            _sources = sources;
            _callCounts = callCounts;
            _sources.Resolve();
            follower.Ended = (_, result) =>
            {
                _ended++;
                Record((KooPhoneJobResult)result, message: null);
            };
        }

        public KooPhoneRun Run => _ledger.Run;

        public bool IsClosed => _closed;

        /// <summary>Waits (RunFollower.Finish), then closes the run and hands back its summary. Lazy, like Finish.</summary>
        public IEnumerable<RunEvent> Finish()
        {
            foreach (var e in _follower.Finish())
            {
                yield return e;
            }

            var run = Close();
            if (run != null)
            {
                yield return RunEvent.OfSummary(run);
            }
        }

        /// <summary>
        /// A wait that ended any other way (Ctrl+C): once its poll has ended, the jobs it had not
        /// seen end are recorded with their last status, and the run's StopNote says where it stood.
        /// </summary>
        public void Dispose()
        {
            if (_closed)
            {
                return;
            }

            var running = 0;
            if (RoundEnded(_follower.Round))
            {
                foreach (var result in _follower.Abandon())
                {
                    running++;
                    Record(result, $"The wait stopped before this job ended; Get-KooPhoneRun -Id {Run.Id} | Wait-KooPhoneTask waits for it again.");
                }
            }

            Close();
            Run.StopNote = RunStopNote.OfWait(Run, _ended, running);
        }

        private void Record(KooPhoneJobResult result, string? message)
        {
            var entry = ItemResult.EntryOf(new InstanceTarget(result.InstanceId), result, result.SubmittedAt);
            entry.Operation = result.Operation;
            entry.Message = message ?? entry.Message;
            _ledger.Record(entry);
            _sources.Settle(result, entry, Run);
        }

        private KooPhoneRun? Close()
        {
            if (_closed)
            {
                return null;
            }

            _closed = true;
            var run = _ledger.Close(_callCounts(), Array.Empty<(InstanceTarget, DateTime)>(), Array.Empty<InstanceTarget>());
            _sources.End();
            return run;
        }

        private static bool RoundEnded(Task? round)
        {
            if (round == null)
            {
                return true;
            }

            try
            {
                return round.Wait(StoppedRoundWait);
            }
            catch (AggregateException)
            {
                return true;
            }
        }
    }
}
