using System;
using System.Threading;
using KooPhone.Client.Connection;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// When -Wait polls, on the engine's clock: the first round <see cref="PollSchedule.First"/>
    /// after polling starts (the first accepted batch), each next one as <see cref="PollSchedule"/>
    /// says after the previous round ended; and the time limit, counted from when the submission
    /// is over (<see cref="StartTimeLimit"/>), since a long submission must not eat the wait.
    /// Not thread-safe: the pipeline thread drives it.
    /// </summary>
    internal sealed class PollPacer
    {
        private readonly KooPhoneClock _clock;
        private DateTime? _started;
        private DateTime _nextRoundAt;
        private DateTime? _deadline;
        private TimeSpan _interval = PollSchedule.First;

        public PollPacer(KooPhoneClock clock, TimeSpan timeout)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            Timeout = timeout;
        }

        public TimeSpan Timeout { get; }

        public bool HasStarted => _started != null;

        /// <summary>True once the next round is due; never before polling has started.</summary>
        public bool IsRoundDue => _started != null && _clock.UtcNow >= _nextRoundAt;

        /// <summary>True once the time limit has passed; never before <see cref="StartTimeLimit"/>.</summary>
        public bool IsPastTimeLimit => _deadline != null && _clock.UtcNow >= _deadline;

        /// <summary>Polling starts: the first round is due a short pause from now. Later calls change nothing.</summary>
        public void Start()
        {
            if (_started == null)
            {
                _started = _clock.UtcNow;
                _nextRoundAt = _started.Value + _interval;
            }
        }

        /// <summary>A round has ended: the next one is due after the next pause of the schedule.</summary>
        public void RoundEnded()
        {
            var now = _clock.UtcNow;
            _interval = PollSchedule.Next(_interval, now - (_started ?? now));
            _nextRoundAt = now + _interval;
        }

        /// <summary>The submission is over: the time limit runs from now.</summary>
        public void StartTimeLimit() => _deadline = _clock.UtcNow + Timeout;

        /// <summary>Blocks until the next round is due; false when <paramref name="stop"/> ended the wait first.</summary>
        public bool WaitForRound(CancellationToken stop) => _clock.Sleep(_nextRoundAt - _clock.UtcNow, stop);
    }
}
