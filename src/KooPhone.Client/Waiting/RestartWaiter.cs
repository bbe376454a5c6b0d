using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Validation;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// Follows restarted instances through BatchShowInstance (100 ids a call) until each is seen to
    /// leave Running and come back. BatchRebootInstance answers with no task, and an instance that
    /// is Running at every poll tells nothing: the restart may have been quicker than the polls,
    /// or not have begun. So a restart is claimed only when it was seen; at the time limit the
    /// others are handed back as <see cref="RestartStatus.NotSeen"/> or
    /// <see cref="RestartStatus.NotBack"/>, never as restarted.
    /// [UNCONFIRMED] BatchShowInstance's status values: the module reads them as the run status
    /// (docs/operations.md), where 2 is running; 0 (unknown) is taken as no news either way.
    /// </summary>
    internal sealed class RestartWaiter : IStreamingWaiter<KooPhoneActionResult>
    {
        private readonly KooPhoneApiClient _api;
        private readonly int _concurrency;
        private readonly List<Watch> _watching = new List<Watch>();
        private readonly List<KooPhoneActionResult> _incoming = new List<KooPhoneActionResult>();
        private int _taken;
        private int _rounds;

        public RestartWaiter(KooPhoneApiClient api, int concurrency)
        {
            _api = api ?? throw new ArgumentNullException(nameof(api));
            _concurrency = Math.Max(1, concurrency);
        }

        public int Total => _taken + Watching().Count;

        public int Finished => _taken + Watching().Count(w => w.Restarted);

        public bool IsDone => Watching().All(w => w.Restarted);

        /// <summary>Status queries sent so far, one per 100 instances and round.</summary>
        public CallCount StatusQueries { get; } = new CallCount();

        /// <summary>More to wait for; may be called while a round runs.</summary>
        public void Add(IEnumerable<KooPhoneActionResult> items)
        {
            lock (_incoming)
            {
                _incoming.AddRange(items);
            }
        }

        public IReadOnlyList<KooPhoneActionResult> TakeEnded() => Take(w => w.Restarted);

        /// <summary>Hands back the restarts not seen to their end, saying what was seen.</summary>
        public IEnumerable<KooPhoneActionResult> TakeRest() => Take(_ => true);

        public string Describe()
        {
            var watching = Watching();
            var down = watching.Count(w => w.SeenDown && !w.Restarted);
            var text = $"{Finished} of {Total} restarts seen to their end, {down} restarting now";
            var unread = watching.Count(w => !w.Restarted && w.LastPollError != null);
            return unread == 0 ? text : text + $"; the last poll could not read {unread}";
        }

        public string DescribeCost() => $"Polling: {_rounds} rounds, {StatusQueries.Value} status queries for {Total} instances.";

        public async Task PollOnceAsync(CancellationToken cancellationToken)
        {
            _rounds++;
            var pending = Watching().Where(w => !w.Restarted).ToList();
            using (var gate = new SemaphoreSlim(_concurrency))
            {
                var batches = pending.Select((watch, i) => (watch, i)).GroupBy(x => x.i / InstanceIdRules.MaxBatchSize, x => x.watch);
                await Task.WhenAll(batches.Select(batch => PollBatchAsync(batch.ToList(), gate, cancellationToken))).ConfigureAwait(false);
            }
        }

        private async Task PollBatchAsync(List<Watch> batch, SemaphoreSlim gate, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                StatusQueries.Add(1);
                IReadOnlyList<KooPhoneInstanceStatus> statuses;
                try
                {
                    statuses = await _api.ShowInstanceStatusAsync(batch.Select(w => w.Result.InstanceId).ToList(), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (PollFailure.IsAboutThisPoll(e))
                {
                    foreach (var watch in batch)
                    {
                        watch.LastPollError = "The status query failed: " + e.Message;
                    }

                    return;
                }

                var byId = statuses.GroupBy(s => s.InstanceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().RunStatus, StringComparer.Ordinal);
                foreach (var watch in batch)
                {
                    if (byId.TryGetValue(watch.Result.InstanceId, out var status))
                    {
                        watch.See(status);
                    }
                    else
                    {
                        watch.LastPollError = "The status answer did not list this instance.";
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }

        private List<KooPhoneActionResult> Take(Func<Watch, bool> which)
        {
            var taken = Watching().Where(which).ToList();
            _watching.RemoveAll(w => which(w));
            _taken += taken.Count;
            foreach (var watch in taken)
            {
                watch.HandBack();
            }

            return taken.Select(w => w.Result).ToList();
        }

        // What is watched, with what Add brought meanwhile; only between rounds or at a round's start.
        private List<Watch> Watching()
        {
            lock (_incoming)
            {
                _watching.AddRange(_incoming.Select(result => new Watch(result)));
                _incoming.Clear();
            }

            return _watching;
        }

        private sealed class Watch
        {
            public Watch(KooPhoneActionResult result)
            {
                Result = result;
            }

            public KooPhoneActionResult Result { get; }

            public bool SeenDown { get; private set; }

            public bool Restarted => Result.Status == RestartStatus.Restarted;

            public InstanceRunStatus? Last { get; private set; }

            public string? LastPollError { get; set; }

            public void See(InstanceRunStatus status)
            {
                LastPollError = null;
                Last = status;
                if (status == InstanceRunStatus.Unknown)
                {
                    return;
                }

                if (status != InstanceRunStatus.Running)
                {
                    SeenDown = true;
                    Result.Status = RestartStatus.Restarting;
                }
                else if (SeenDown)
                {
                    Result.Status = RestartStatus.Restarted;
                    Result.Evidence = "Seen to leave Running and come back.";
                }
            }

            // What is known of a restart when it is handed back: seen to its end, or what was seen instead.
            public void HandBack()
            {
                if (Restarted)
                {
                    return;
                }

                Result.Status = SeenDown ? RestartStatus.NotBack : RestartStatus.NotSeen;
                Result.Evidence = SeenDown ? $"Left Running, and was {Last} at the last poll."
                    : Last == null ? "No poll could read the instance's status."
                    : "Running at every poll: the restart was not seen (it may have been quicker than the polls, or not have begun).";
                if (LastPollError != null)
                {
                    Result.Evidence += " The last poll: " + LastPollError;
                }
            }
        }
    }
}
