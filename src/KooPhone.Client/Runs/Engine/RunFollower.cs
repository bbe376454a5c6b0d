using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Waiting;

namespace KooPhone.Client.Runs
{
    /// <summary>-Wait as a run drives it, whatever it waits for.</summary>
    internal interface IRunFollower
    {
        /// <summary>Told of each result (with its instance id) as it is handed back ended, or at the time limit.</summary>
        Action<string, object>? Ended { get; set; }

        /// <summary>The poll running now, if any: a stopped run waits for it to end before it returns.</summary>
        Task? Round { get; }

        /// <summary>True for the results this follower waits on (a job result, a restart, a preparation).</summary>
        bool Follows(object output);

        /// <summary>More to wait for: a result as its batch is accepted. Polling starts with the first.</summary>
        void Add(object output);

        /// <summary>The results of a round that has ended, and the next round started when due. Never blocks.</summary>
        IEnumerable<RunEvent> Pump();

        /// <summary>Waits for the rest (at most the time limit, counted from here) and hands back every result. Lazy: it blocks between events.</summary>
        IEnumerable<RunEvent> Finish();
    }

    /// <summary>
    /// -Wait for every command that has it (the batch cmdlets and Wait-KooPhoneTask): polling
    /// starts with the first result handed to it and runs beside the submission; whenever the
    /// host has control (<see cref="Pump"/>) a finished round's ended results are handed back,
    /// and only what is still running is held. <see cref="Finish"/> waits out the rest, up to the
    /// time limit, and hands back what has not ended with its last known status. Only the round
    /// itself runs on a worker thread.
    /// </summary>
    internal sealed class RunFollower<T> : IRunFollower
        where T : class
    {
        private const int ProgressId = 2;
        private static readonly TimeSpan IdleInterval = TimeSpan.FromMilliseconds(200);
        private readonly IStreamingWaiter<T> _waiter;
        private readonly string _activity;
        private readonly PollPacer _pacer;
        private readonly Func<T, string> _idOf;
        private readonly CancellationToken _stop;

        // What Add had to say (polling has started), handed back by the next Pump.
        private readonly Queue<RunEvent> _pending = new Queue<RunEvent>();
        private Task? _round;

        // pacer says when rounds are due and when the time limit has passed, on the engine's clock.
        // idOf gives a result's instance id, which Ended is told.
        public RunFollower(IStreamingWaiter<T> waiter, string activity, PollPacer pacer, Func<T, string> idOf, CancellationToken stop)
        {
            _waiter = waiter;
            _activity = activity;
            _pacer = pacer;
            _idOf = idOf;
            _stop = stop;
        }

        public Action<string, object>? Ended { get; set; }

        public Task? Round => _round;

        public bool Follows(object output) => output is T;

        public void Add(object output) => Add(new[] { (T)output });

        public void Add(IEnumerable<T> items)
        {
            var first = !_pacer.HasStarted;
            _pacer.Start();

            // The waiter takes them in even while a round runs, packed, and polls them from the next round.
            _waiter.Add(items);
            if (first)
            {
                _pending.Enqueue(Progress("Polling has started. After Ctrl+C, Get-KooPhoneRun -Last | Wait-KooPhoneTask resumes the wait.", 0));
            }
        }

        public IEnumerable<RunEvent> Pump()
        {
            var events = new List<RunEvent>(_pending);
            _pending.Clear();
            if (_round != null && _round.IsCompleted)
            {
                events.AddRange(EndRound());
            }

            if (_round == null && _pacer.IsRoundDue && !_waiter.IsDone)
            {
                _round = Task.Run(() => _waiter.PollOnceAsync(_stop));
            }

            return events;
        }

        public IEnumerable<RunEvent> Finish()
        {
            foreach (var e in Pump())
            {
                yield return e;
            }

            if (!_pacer.HasStarted)
            {
                yield break;
            }

            _pacer.StartTimeLimit();
            while (true)
            {
                if (_round == null)
                {
                    if (_waiter.IsDone)
                    {
                        foreach (var e in Written(_waiter.TakeEnded()))
                        {
                            yield return e;
                        }

                        break;
                    }

                    if (!_pacer.WaitForRound(_stop))
                    {
                        throw new OperationCanceledException(_stop);
                    }

                    _round = Task.Run(() => _waiter.PollOnceAsync(_stop));
                }

                while (!RoundEndedWithin(IdleInterval))
                {
                    yield return RunEvent.Idle;
                }

                foreach (var e in EndRound())
                {
                    yield return e;
                }

                if (_pacer.IsPastTimeLimit && !_waiter.IsDone)
                {
                    foreach (var e in Written(_waiter.TakeEnded()))
                    {
                        yield return e;
                    }

                    yield return RunEvent.OfWarning($"{_waiter.Total - _waiter.Finished} of {_waiter.Total} had not ended after {_pacer.Timeout.TotalSeconds:0} seconds; their results show the last state seen, and LastPollError why a poll could not read it. Get-KooPhoneRun -Last | Wait-KooPhoneTask waits for them again.");
                    foreach (var e in Written(_waiter.TakeRest()))
                    {
                        yield return e;
                    }

                    break;
                }
            }

            yield return RunEvent.OfVerbose(_waiter.DescribeCost());
            yield return RunEvent.OfProgress(new RunProgress(ProgressId, _activity, "Done", 0, null, completed: true));
        }

        /// <summary>
        /// After a stop, once no round runs: the results that ended meanwhile are told to Ended,
        /// and the rest is handed back as last seen. Nothing is written: the pipeline is gone.
        /// </summary>
        public IEnumerable<T> Abandon()
        {
            foreach (var result in _waiter.TakeEnded())
            {
                Ended?.Invoke(_idOf(result), result);
            }

            return _waiter.TakeRest();
        }

        private RunEvent Progress(string status, long done) => RunEvent.OfProgress(new RunProgress(ProgressId, _activity, status, done, _waiter.Total));

        private bool RoundEndedWithin(TimeSpan interval)
        {
            try
            {
                return _round!.Wait((int)interval.TotalMilliseconds, _stop);
            }
            catch (AggregateException)
            {
                // EndRound rethrows the round's own exception.
                return true;
            }
        }

        private List<RunEvent> EndRound()
        {
            var round = _round!;
            _round = null;
            round.GetAwaiter().GetResult();
            var events = Written(_waiter.TakeEnded()).ToList();
            events.Add(Progress(_waiter.Describe(), _waiter.Finished));
            _pacer.RoundEnded();
            return events;
        }

        // Each result is told to Ended (the run record counts it by that status) before it is handed
        // back. Lazy: the rest at the time limit comes one task at a time (JobWaiter.TakeRest), never
        // all unpacked at once.
        private IEnumerable<RunEvent> Written(IEnumerable<T> results)
        {
            foreach (var result in results)
            {
                Ended?.Invoke(_idOf(result), result);
                yield return RunEvent.OfOutput(result);
            }
        }
    }
}
