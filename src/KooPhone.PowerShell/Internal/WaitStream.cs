using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Waiting;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// -Wait for every cmdlet that has it, handed the cmdlet (not a base class): polling starts
    /// with the first accepted batch and runs beside the submission; whenever the cmdlet has
    /// control (<see cref="Pump"/>) a finished round's ended results are written, and only what
    /// is still running is held. <see cref="Finish"/> waits out the rest, up to the time limit,
    /// and writes what has not ended with its last known status. After Ctrl+C nothing more can be
    /// written: the run record keeps every submitted task (Get-KooPhoneRun -Last | Wait-KooPhoneTask).
    /// Everything but the round itself runs on the pipeline thread.
    /// </summary>
    internal sealed class WaitStream<T> : IWaitStream
    {
        private const int ProgressId = 2;
        private readonly Cmdlet _cmdlet;
        private readonly IStreamingWaiter<T> _waiter;
        private readonly ProgressLine _progress;
        private readonly PollPacer _pacer;
        private readonly CancellationToken _stop;
        private readonly Action _writeTraces;
        private Task? _round;

        // pacer says when rounds are due and when the time limit has passed, on the engine's clock.
        // writeTraces writes the request traces gathered meanwhile (they must go out on the pipeline thread).
        public WaitStream(Cmdlet cmdlet, IStreamingWaiter<T> waiter, string activity, PollPacer pacer, CancellationToken stop, Action writeTraces)
        {
            _cmdlet = cmdlet;
            _waiter = waiter;
            _progress = new ProgressLine(cmdlet, ProgressId, activity);
            _pacer = pacer;
            _stop = stop;
            _writeTraces = writeTraces;
        }

        /// <summary>Told of each result as it is written, ended or at the time limit (the run record counts it by that status).</summary>
        public Action<T>? Written { get; set; }

        /// <summary>More to wait for: results as their batch is accepted.</summary>
        public void Add(IEnumerable<T> items)
        {
            var first = !_pacer.HasStarted;
            _pacer.Start();

            // The waiter takes them in even while a round runs, packed, and polls them from the next round.
            _waiter.Add(items);
            if (first)
            {
                _progress.Write("Polling has started. After Ctrl+C, Get-KooPhoneRun -Last | Wait-KooPhoneTask resumes the wait.", 0, _waiter.Total);
            }
        }

        /// <summary>Writes the results of a round that has ended, and starts the next one when it is due. Never blocks.</summary>
        public void Pump()
        {
            if (_round != null && _round.IsCompleted)
            {
                EndRound();
            }

            if (_round == null && _pacer.IsRoundDue && !_waiter.IsDone)
            {
                _round = Task.Run(() => _waiter.PollOnceAsync(_stop));
            }
        }

        /// <summary>Waits for the rest (at most the time limit, counted from here) and writes every result.</summary>
        public void Finish()
        {
            if (!_pacer.HasStarted)
            {
                return;
            }

            _pacer.StartTimeLimit();
            try
            {
                while (true)
                {
                    if (_round == null)
                    {
                        if (_waiter.IsDone)
                        {
                            Write(_waiter.TakeEnded());
                            break;
                        }

                        if (!_pacer.WaitForRound(_stop))
                        {
                            throw new PipelineStoppedException();
                        }

                        _round = Task.Run(() => _waiter.PollOnceAsync(_stop));
                    }

                    WaitForRound();
                    EndRound();
                    if (_pacer.IsPastTimeLimit && !_waiter.IsDone)
                    {
                        Write(_waiter.TakeEnded());
                        _cmdlet.WriteWarning($"{_waiter.Total - _waiter.Finished} of {_waiter.Total} had not ended after {_pacer.Timeout.TotalSeconds:0} seconds; their results show the last state seen, and LastPollError why a poll could not read it. Get-KooPhoneRun -Last | Wait-KooPhoneTask waits for them again.");
                        Write(_waiter.TakeRest());

                        break;
                    }
                }

                _cmdlet.WriteVerbose(_waiter.DescribeCost());
            }
            finally
            {
                if (!_stop.IsCancellationRequested)
                {
                    _progress.Complete();
                }
            }
        }

        private void EndRound()
        {
            var round = _round!;
            _round = null;
            try
            {
                round.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            Write(_waiter.TakeEnded());
            _progress.Write(_waiter.Describe(), _waiter.Finished, _waiter.Total);
            _pacer.RoundEnded();
        }

        private void Write(IEnumerable<T> results)
        {
            foreach (var result in results)
            {
                Written?.Invoke(result);
                _cmdlet.WriteObject(result);
            }
        }

        private void WaitForRound()
        {
            try
            {
                while (!_round!.Wait(200, _stop))
                {
                    _writeTraces();
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (AggregateException)
            {
                // EndRound rethrows the round's own exception.
            }

            _writeTraces();
        }
    }
}
