using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace KooPhone.Client.Http
{
    /// <summary>
    /// How many attempts of one context may be on the wire at once, learnt from the service's
    /// throttling: additive increase, multiplicative decrease (AIMD), as TCP does with its window.
    /// It starts at the ceiling, so a service that never throttles never notices it; a throttled
    /// answer (429) cuts the limit to three quarters of what was in flight, and answers that were not
    /// throttled add one slot per limit's worth of answers (about one per round trip) while callers
    /// are waiting for a slot. The floor is one call.
    ///
    /// Why our own and not System.Threading.RateLimiting: its ConcurrencyLimiter has a fixed permit
    /// count, so the adaptive part would have to be built around it anyway, and the package adds a
    /// dependency to every PowerShell 5.1 and 7 load for some sixty lines of locking.
    /// Why not a SemaphoreSlim: a semaphore cannot take back permits it has handed out, and the
    /// limit must drop below the number in flight the moment the service throttles.
    /// Thread-safe: one instance serves every cmdlet and runspace of its context.
    /// </summary>
    internal sealed class AdaptiveConcurrencyLimiter
    {
        /// <summary>
        /// What is left of the limit after a throttled answer. Three quarters rather than TCP's half:
        /// with a service limit of 4, halving swings the limit between 2 and 5 and leaves the service
        /// a fifth idle; three quarters swings between 3 and 5 (measured: 1.5 × the ideal time instead of 1.8 ×).
        /// </summary>
        private const double DecreaseFactor = 0.75;

        private readonly object _gate = new object();
        private readonly LinkedList<TaskCompletionSource<long>> _waiters = new LinkedList<TaskCompletionSource<long>>();
        private readonly int _ceiling;
        private double _limit;
        private int _inFlight;

        // Bumped by every decrease. A throttled answer to an attempt granted before the last
        // decrease says nothing new (it was sent while the limit was still too high), so it does
        // not cut the limit again: one burst of 429s cuts it once, not once per answer.
        private long _generation;

        public AdaptiveConcurrencyLimiter(int ceiling)
        {
            if (ceiling < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(ceiling), ceiling, "At least one call must be allowed in flight.");
            }

            _ceiling = ceiling;
            _limit = ceiling;
        }

        /// <summary>The calls allowed in flight now, 1 to the ceiling.</summary>
        public int Limit
        {
            get
            {
                lock (_gate)
                {
                    return WholeLimit;
                }
            }
        }

        /// <summary>The calls holding a slot now.</summary>
        public int InFlight
        {
            get
            {
                lock (_gate)
                {
                    return _inFlight;
                }
            }
        }

        private int WholeLimit => (int)_limit;

        /// <summary>
        /// Takes a slot, waiting (first come, first served) while the limit is reached. Cancelling
        /// the token ends the wait at once with an OperationCanceledException.
        /// </summary>
        public Task<ConcurrencyLease> AcquireAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LinkedListNode<TaskCompletionSource<long>> node;
            lock (_gate)
            {
                if (_waiters.Count == 0 && _inFlight < WholeLimit)
                {
                    _inFlight++;
                    return Task.FromResult(new ConcurrencyLease(this, _generation));
                }

                // Continuations run outside the lock and off the releasing caller's thread.
                node = _waiters.AddLast(new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            return WaitAsync(node, cancellationToken);
        }

        private async Task<ConcurrencyLease> WaitAsync(LinkedListNode<TaskCompletionSource<long>> node, CancellationToken cancellationToken)
        {
            using (cancellationToken.Register(() => Abandon(node, cancellationToken)))
            {
                var generation = await node.Value.Task.ConfigureAwait(false);
                return new ConcurrencyLease(this, generation);
            }
        }

        private void Abandon(LinkedListNode<TaskCompletionSource<long>> node, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                // A waiter granted a slot meanwhile keeps it: its lease gives it back.
                if (node.List == null)
                {
                    return;
                }

                _waiters.Remove(node);
            }

            node.Value.TrySetCanceled(cancellationToken);
        }

        internal void OnThrottled(long generation)
        {
            lock (_gate)
            {
                if (generation != _generation)
                {
                    return;
                }

                // A share of what really was in flight, not of a limit far above it (the first burst).
                _limit = Math.Max(1, Math.Min(_limit, _inFlight) * DecreaseFactor);
                _generation++;
            }
        }

        internal void OnAccepted()
        {
            lock (_gate)
            {
                // Only a limit that holds callers back is raised; an idle context keeps its limit
                // where the service last put it instead of drifting up to the ceiling unproven.
                if (_inFlight + _waiters.Count >= WholeLimit)
                {
                    _limit = Math.Min(_ceiling, _limit + 1 / _limit);
                }

                GrantWaiters();
            }
        }

        internal void Release()
        {
            lock (_gate)
            {
                _inFlight--;
                GrantWaiters();
            }
        }

        private void GrantWaiters()
        {
            while (_waiters.Count > 0 && _inFlight < WholeLimit)
            {
                var first = _waiters.First!;
                _waiters.RemoveFirst();
                _inFlight++;
                first.Value.TrySetResult(_generation);
            }
        }
    }
}
