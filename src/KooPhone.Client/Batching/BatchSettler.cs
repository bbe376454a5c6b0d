using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Connection;
using KooPhone.Client.Reconciling;
using KooPhone.Client.Waiting;

namespace KooPhone.Client.Batching
{
    /// <summary>
    /// Sends one batch and settles what became of every item, so that one bad member never sinks
    /// the others and nothing is done twice:
    /// <list type="bullet">
    /// <item>A call refused because of some of its ids (CulpritCodes) is sent again without them:
    /// the ids the message names, or, when it names none, the ones bisection finds. Every culprit
    /// ends with the refusal that names it; no healthy id carries a neighbour's code.</item>
    /// <item>A state-changing call whose answer was lost, late or malformed (the engine flags it
    /// OutcomeUnknown) is never sent again blindly: the instances' state decides per item between
    /// done, untouched and unknown (IStateReconciler), and only untouched items are sent again, in
    /// a new call, at most <see cref="MaxResends"/> times.</item>
    /// <item>So is an item a success answer leaves out (a task without its job, IPartialAnswer).</item>
    /// </list>
    /// </summary>
    internal sealed class BatchSettler<TItem, TResponse>
    {
        public const int MaxResends = 2;

        private readonly KooPhoneOperation _operation;
        private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task<TResponse>> _send;
        private readonly Func<TItem, InstanceTarget> _targetOf;
        private readonly IStateReconciler? _reconciler;
        private readonly Action<string> _log;
        private readonly KooPhoneClock _clock;

        // log tells the cost and verdicts of each reconciliation and isolation (-Verbose); it is called from worker threads.
        // clock stamps when each call was submitted, which the reconciler compares with the instances' times:
        // it must be the reconciler's clock (the real one when null).
        public BatchSettler(KooPhoneOperation operation, Func<IReadOnlyList<TItem>, CancellationToken, Task<TResponse>> send, Func<TItem, InstanceTarget> targetOf, IStateReconciler? reconciler, Action<string> log, KooPhoneClock? clock = null)
        {
            _operation = operation;
            _send = send;
            _targetOf = targetOf;
            _reconciler = reconciler;
            _log = log;
            _clock = clock ?? KooPhoneClock.System;
        }

        public async Task<IReadOnlyList<BatchPart<TItem, TResponse>>> SendAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken)
        {
            var parts = new List<BatchPart<TItem, TResponse>>();
            await SettleAsync(items, MaxResends, parts, cancellationToken).ConfigureAwait(false);
            return parts;
        }

        /// <summary>Sends the items in one call and settles every way it can end.</summary>
        private async Task SettleAsync(IReadOnlyList<TItem> items, int resendsLeft, List<BatchPart<TItem, TResponse>> parts, CancellationToken cancellationToken)
        {
            var (submittedAt, response, error) = await TrySendAsync(items, cancellationToken).ConfigureAwait(false);
            if (error == null)
            {
                await SettleAnswerAsync(items, response!, submittedAt, resendsLeft, parts, cancellationToken).ConfigureAwait(false);
                return;
            }

            await SettleFailureAsync(items, error, submittedAt, resendsLeft, parts, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// An answered call: its items are answered, but for those an answer that names its
        /// instances (IPartialAnswer: a task without their jobs) leaves out. Sent and not
        /// answered, they may or may not have been acted on: settled like a lost answer.
        /// </summary>
        private async Task SettleAnswerAsync(IReadOnlyList<TItem> items, TResponse response, DateTime submittedAt, int resendsLeft, List<BatchPart<TItem, TResponse>> parts, CancellationToken cancellationToken)
        {
            var partial = response as IPartialAnswer;
            var answered = partial == null ? items : items.Where(i => partial.Answers(_targetOf(i).InstanceId)).ToList();
            if (answered.Count == items.Count)
            {
                parts.Add(BatchPart<TItem, TResponse>.Answered(items, response, submittedAt));
                return;
            }

            var leftOut = items.Where(i => !partial!.Answers(_targetOf(i).InstanceId)).ToList();
            if (answered.Count > 0)
            {
                parts.Add(BatchPart<TItem, TResponse>.Answered(answered, response, submittedAt));
            }

            _log($"{_operation.Name}: the answer names {answered.Count} of the {items.Count} item(s) sent; the other {leftOut.Count} are settled like a lost answer.");
            await SettleFailureAsync(leftOut, partial!.LeftOut(), submittedAt, resendsLeft, parts, cancellationToken).ConfigureAwait(false);
        }

        private async Task SettleFailureAsync(IReadOnlyList<TItem> items, Exception error, DateTime submittedAt, int resendsLeft, List<BatchPart<TItem, TResponse>> parts, CancellationToken cancellationToken)
        {
            if (CallOutcome.IsUnknown(error))
            {
                if (_reconciler == null || !_reconciler.CanReconcile(_operation))
                {
                    parts.Add(BatchPart<TItem, TResponse>.Unknown(items, error, submittedAt));
                    return;
                }

                IReadOnlyList<TItem> untouched;
                try
                {
                    untouched = await ReconcileAsync(items, error, submittedAt, resendsLeft > 0, parts, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception readFailure) when (!cancellationToken.IsCancellationRequested && !(readFailure is OperationCanceledException))
                {
                    // The state could not be read either (a service that is down): nothing can tell.
                    _log($"{_operation.Name}: the answer for {items.Count} item(s) was lost, and their state could not be read ({readFailure.Message}).");
                    parts.Add(BatchPart<TItem, TResponse>.Unknown(items, error, submittedAt));
                    return;
                }

                if (untouched.Count > 0)
                {
                    await SettleAsync(untouched, resendsLeft - 1, parts, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            if (CulpritCodes.BlamesIds(error) && items.Count > 1)
            {
                await IsolateAsync(items, error, submittedAt, resendsLeft, parts, cancellationToken).ConfigureAwait(false);
                return;
            }

            parts.Add(BatchPart<TItem, TResponse>.Failed(items, error, submittedAt));
        }

        /// <summary>
        /// Items refused whole for an id-blaming code: the culprits end with that refusal, the rest
        /// are sent again. When the message names no culprit, bisection finds them: the first half
        /// is sent; if it passes, the culprit is in the second half, which is split without being
        /// sent; if it fails, the second half is kept aside and sent, all such halves in one call,
        /// once the culprit is found. One culprit among 100 ids costs at most 8 more calls.
        /// </summary>
        private async Task IsolateAsync(IReadOnlyList<TItem> refused, Exception refusal, DateTime submittedAt, int resendsLeft, List<BatchPart<TItem, TResponse>> parts, CancellationToken cancellationToken)
        {
            var named = CulpritCodes.NamedIn(refusal, refused.Select(i => _targetOf(i).InstanceId));
            if (!MayResendRefused())
            {
                // That nothing of a refused call was applied is an assumption [UNCONFIRMED]. Where
                // a wrong assumption would repeat an operation that leaves no trace (a reboot, a
                // reset, a command), the others are not sent again: their outcome is unknown.
                var culprits = refused.Where(i => named.Contains(_targetOf(i).InstanceId)).ToList();
                var others = refused.Where(i => !named.Contains(_targetOf(i).InstanceId)).ToList();
                _log($"{_operation.Name}: refused because of {(named.Count == 0 ? "ids it does not name" : string.Join(", ", named))}; the other {others.Count} are not sent again, as {_operation.Name} leaves no trace to check whether the refused call reached them.");
                if (culprits.Count > 0)
                {
                    parts.Add(BatchPart<TItem, TResponse>.Failed(culprits, refusal, submittedAt));
                }

                if (others.Count > 0)
                {
                    parts.Add(BatchPart<TItem, TResponse>.Unknown(others, new RefusedWithOthersException(_operation.Name, named, refusal), submittedAt));
                }

                return;
            }

            if (named.Count > 0)
            {
                var culprits = refused.Where(i => named.Contains(_targetOf(i).InstanceId)).ToList();
                var rest = refused.Where(i => !named.Contains(_targetOf(i).InstanceId)).ToList();
                _log($"{_operation.Name}: refused for {culprits.Count} of {refused.Count} ids ({((KooPhoneApiException)refusal).ErrorCode}); the other {rest.Count} are sent again without them.");
                parts.Add(BatchPart<TItem, TResponse>.Failed(culprits, refusal, submittedAt));
                if (rest.Count > 0)
                {
                    await SettleAsync(rest, resendsLeft, parts, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            _log($"{_operation.Name}: refused for some of {refused.Count} ids ({((KooPhoneApiException)refusal).ErrorCode}) without naming them; finding them by halves.");
            var suspects = refused;
            var lastRefusal = refusal;
            var lastSubmittedAt = submittedAt;
            var keptAside = new List<TItem>();
            while (suspects.Count > 1)
            {
                var first = suspects.Take(suspects.Count / 2).ToList();
                var second = suspects.Skip(first.Count).ToList();
                var (probedAt, response, error) = await TrySendAsync(first, cancellationToken).ConfigureAwait(false);
                if (error == null)
                {
                    await SettleAnswerAsync(first, response!, probedAt, resendsLeft, parts, cancellationToken).ConfigureAwait(false);
                    suspects = second;
                }
                else if (CulpritCodes.BlamesIds(error))
                {
                    keptAside.AddRange(second);
                    suspects = first;
                    lastRefusal = error;
                    lastSubmittedAt = probedAt;
                }
                else
                {
                    // The probe failed for another reason: it settles on its own, and the other half goes as a call of its own.
                    await SettleFailureAsync(first, error, probedAt, resendsLeft, parts, cancellationToken).ConfigureAwait(false);
                    keptAside.AddRange(second);
                    suspects = Array.Empty<TItem>();
                }
            }

            if (suspects.Count == 1)
            {
                parts.Add(BatchPart<TItem, TResponse>.Failed(suspects, lastRefusal, lastSubmittedAt));
            }

            if (keptAside.Count > 0)
            {
                await SettleAsync(keptAside, resendsLeft, parts, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Adds the done and unknown parts; returns the untouched items to send again (none when no resend is left).</summary>
        private async Task<IReadOnlyList<TItem>> ReconcileAsync(
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

        /// <summary>One call: its answer, or the call failure that ended it. Cancellation is not a call failure and escapes.</summary>
        private async Task<(DateTime submittedAt, TResponse? response, Exception? error)> TrySendAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken)
        {
            var submittedAt = _clock.UtcNow;
            try
            {
                return (submittedAt, await _send(items, cancellationToken).ConfigureAwait(false), null);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && !(e is OperationCanceledException))
            {
                return (submittedAt, default, e);
            }
        }

        /// <summary>
        /// True when the other ids of a refused call may be sent again: reads, harmless repeats, and
        /// operations whose effect the reconciler can see (a repeat of those meets the service's
        /// own checks: a second backup is refused as "being backed up").
        /// </summary>
        private bool MayResendRefused() =>
            _operation.IsSafeToRepeat || (_reconciler != null && _reconciler.CanReconcile(_operation));
    }
}
