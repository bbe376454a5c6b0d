using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Waiting;

namespace KooPhone.Client.Batching
{
    /// <summary>
    /// Sends one batch and settles what became of every item. A state-changing call whose answer
    /// was lost, late or malformed (the engine flags it OutcomeUnknown) is never sent again
    /// blindly: the instances' state decides per item between done, untouched and unknown
    /// (StateReconciler), and only the untouched items are sent again, in a new call, at most
    /// <see cref="MaxResends"/> times.
    /// </summary>
    public sealed class BatchSettler<TItem, TResponse>
    {
        public const int MaxResends = 2;

        private readonly KooPhoneOperation _operation;
        private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<TResponse>> _send;
        private readonly Func<TItem, InstanceTarget> _targetOf;
        private readonly IStateReconciler? _reconciler;
        private readonly Action<string> _log;

        // log tells the cost and verdicts of each reconciliation (-Verbose); it is called from worker threads.
        public BatchSettler(KooPhoneOperation operation, Func<IReadOnlyList<TItem>, CancellationToken, Task<TResponse>> send, Func<TItem, InstanceTarget> targetOf, IStateReconciler? reconciler, Action<string> log)
        {
            _operation = operation;
            _send = send;
            _targetOf = targetOf;
            _reconciler = reconciler;
            _log = log;
        }

        public async Task<IReadOnlyList<BatchPart<TItem, TResponse>>> SendAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken)
        {
            var parts = new List<BatchPart<TItem, TResponse>>();
            var toSend = items;
            for (var resends = 0; toSend.Count > 0; resends++)
            {
                var submittedAt = DateTime.UtcNow;
                try
                {
                    parts.Add(BatchPart<TItem, TResponse>.Answered(toSend, await _send(toSend, cancellationToken).ConfigureAwait(false), submittedAt));
                    break;
                }
                catch (Exception e) when (IsOutcomeUnknown(e) && !cancellationToken.IsCancellationRequested)
                {
                    if (_reconciler == null || !_reconciler.CanReconcile(_operation))
                    {
                        parts.Add(BatchPart<TItem, TResponse>.Unknown(toSend, e, submittedAt));
                        break;
                    }

                    toSend = await SettleAsync(toSend, e, submittedAt, resends < MaxResends, parts, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && !(e is OperationCanceledException))
                {
                    parts.Add(BatchPart<TItem, TResponse>.Failed(toSend, e, submittedAt));
                    break;
                }
            }

            return parts;
        }

        /// <summary>Adds the done and unknown parts; returns the untouched items to send again (none when no resend is left).</summary>
        private async Task<IReadOnlyList<TItem>> SettleAsync(
            IReadOnlyList<TItem> items, Exception lost, DateTime submittedAt, bool mayResend, List<BatchPart<TItem, TResponse>> parts, CancellationToken cancellationToken)
        {
            var calls = new CallCount();
            var targets = items.Select(_targetOf).ToList();
            var outcomes = await _reconciler!.ReconcileAsync(_operation, targets, submittedAt, calls, cancellationToken).ConfigureAwait(false);
            var byTarget = outcomes.ToDictionary(o => o.Target);
            var verdicts = items.Select((item, i) => (item, outcome: byTarget[targets[i]])).ToList();

            var done = verdicts.Where(v => v.outcome.Verdict == StateVerdict.Done).ToList();
            var unknown = verdicts.Where(v => v.outcome.Verdict == StateVerdict.Unknown).Select(v => v.item).ToList();
            var untouched = verdicts.Where(v => v.outcome.Verdict == StateVerdict.Untouched).ToList();
            _log($"{_operation.Name}: the answer for {items.Count} item(s) was lost ({lost.Message}). Their state, read in {calls.Value} call(s), shows {done.Count} carried out, {untouched.Count} untouched{(mayResend && untouched.Count > 0 ? " (sent again)" : "")}, {unknown.Count} unknown.");

            if (done.Count > 0)
            {
                parts.Add(BatchPart<TItem, TResponse>.Done(done.Select(v => v.item).ToList(), done.Select(v => v.outcome.Evidence).ToList(), lost, submittedAt));
            }

            if (unknown.Count > 0)
            {
                parts.Add(BatchPart<TItem, TResponse>.Unknown(unknown, lost, submittedAt));
            }

            if (mayResend || untouched.Count == 0)
            {
                return untouched.Select(v => v.item).ToList();
            }

            parts.Add(BatchPart<TItem, TResponse>.Failed(untouched.Select(v => v.item).ToList(), new NotCarriedOutException(_operation.Name, untouched[0].outcome.Evidence, lost), submittedAt));
            return Array.Empty<TItem>();
        }

        private static bool IsOutcomeUnknown(Exception e) =>
            (e is KooPhoneApiException api && api.OutcomeUnknown) || (e is KooPhoneConnectionException connection && connection.OutcomeUnknown);
    }
}
