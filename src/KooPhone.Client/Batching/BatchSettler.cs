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
    /// ends with the refusal that names it; no healthy id carries a neighbour's code. For a reboot
    /// or reset, which leave no trace to reconcile, the others go again only where their state
    /// shows the refused call cannot have reached them (IStateReconciler.CheckRefusedAsync).</item>
    /// <item>A state-changing call whose answer was lost, late or malformed (the engine flags it
    /// OutcomeUnknown) is never sent again blindly: the instances' state decides per item between
    /// done, untouched and unknown (IStateReconciler), and only untouched items are sent again, in
    /// a new call, at most <see cref="MaxResends"/> times. Such a repeat refused for some of its
    /// ids may meet what the first call did, which state that shows late hid: those ids are read
    /// again, never failed with the refusal.</item>
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
            await SettleAsync(items, MaxResends, null, parts, cancellationToken, first: true).ConfigureAwait(false);
            return parts;
        }

        /// <summary>
        /// Sends the items in one call and settles every way it can end. <paramref name="lost"/> is
        /// set when they are a repeat of a call whose answer was lost: that call may have been
        /// carried out after all. <paramref name="first"/> marks the batch's first call, before which nothing of it was sent.
        /// </summary>
        private async Task SettleAsync(
            IReadOnlyList<TItem> items, int resendsLeft, LostCall? lost, List<BatchPart<TItem, TResponse>> parts, CancellationToken cancellationToken, bool first = false)
        {
            var (submittedAt, response, error) = await TrySendAsync(items, cancellationToken, first).ConfigureAwait(false);
            if (error == null)
            {
                await SettleAnswerAsync(items, response!, submittedAt, resendsLeft, lost, parts, cancellationToken).ConfigureAwait(false);
                return;
            }

            await SettleFailureAsync(items, error, submittedAt, resendsLeft, lost, parts, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// An answered call: its items are answered, but for those an answer that names its
        /// instances (IPartialAnswer: a task without their jobs) leaves out. Sent and not
        /// answered, they may or may not have been acted on: settled like a lost answer.
        /// </summary>
        private async Task SettleAnswerAsync(
            IReadOnlyList<TItem> items, TResponse response, DateTime submittedAt, int resendsLeft, LostCall? lost, List<BatchPart<TItem, TResponse>> parts, CancellationToken cancellationToken)
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
            await SettleFailureAsync(leftOut, partial!.LeftOut(), submittedAt, resendsLeft, lost, parts, cancellationToken).ConfigureAwait(false);
        }

        private async Task SettleFailureAsync(
            IReadOnlyList<TItem> items, Exception error, DateTime submittedAt, int resendsLeft, LostCall? lost, List<BatchPart<TItem, TResponse>> parts, CancellationToken cancellationToken)
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
                    await SettleAsync(untouched, resendsLeft - 1, lost ?? new LostCall(submittedAt, error), parts, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            if (CulpritCodes.BlamesIds(error) && items.Count > 1)
            {
                await IsolateAsync(items, error, submittedAt, resendsLeft, lost, parts, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (CulpritCodes.BlamesIds(error))
            {
                await EndCulpritsAsync(items, error, submittedAt, lost, parts, cancellationToken).ConfigureAwait(false);
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
        private async Task IsolateAsync(
            IReadOnlyList<TItem> refused, Exception refusal, DateTime submittedAt, int resendsLeft, LostCall? lost, List<BatchPart<TItem, TResponse>> parts, CancellationToken cancellationToken)
        {
            var named = CulpritCodes.NamedIn(refusal, refused.Select(i => _targetOf(i).InstanceId));
            if (!MayResendRefused())
            {
                await SettleUntracedAsync(refused, named, refusal, submittedAt, resendsLeft, parts, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (named.Count > 0)
            {
                var culprits = refused.Where(i => named.Contains(_targetOf(i).InstanceId)).ToList();
                var rest = refused.Where(i => !named.Contains(_targetOf(i).InstanceId)).ToList();
                _log($"{_operation.Name}: refused for {culprits.Count} of {refused.Count} ids ({((KooPhoneApiException)refusal).ErrorCode}); the other {rest.Count} are sent again without them.");
                await EndCulpritsAsync(culprits, refusal, submittedAt, lost, parts, cancellationToken).ConfigureAwait(false);
                if (rest.Count > 0)
                {
                    await SettleAsync(rest, resendsLeft, lost, parts, cancellationToken).ConfigureAwait(false);
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
                    await SettleAnswerAsync(first, response!, probedAt, resendsLeft, lost, parts, cancellationToken).ConfigureAwait(false);
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
                    await SettleFailureAsync(first, error, probedAt, resendsLeft, lost, parts, cancellationToken).ConfigureAwait(false);
                    keptAside.AddRange(second);
                    suspects = Array.Empty<TItem>();
                }
            }

            if (suspects.Count == 1)
            {
                await EndCulpritsAsync(suspects, lastRefusal, lastSubmittedAt, lost, parts, cancellationToken).ConfigureAwait(false);
            }

            if (keptAside.Count > 0)
            {
                await SettleAsync(keptAside, resendsLeft, lost, parts, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// A refused call of an operation that leaves no trace to reconcile and is not harmless to
        /// repeat (a reboot, a reset, a command). The culprits end with the refusal. That nothing
        /// of a refused call was applied is an assumption [UNCONFIRMED], so the others go again
        /// only where their state shows the refused call cannot have reached them; the rest are
        /// Unknown. A refusal that names no culprit cannot be split without sending the culprit
        /// again with others: all of them are Unknown.
        /// </summary>
        private async Task SettleUntracedAsync(
            IReadOnlyList<TItem> refused, HashSet<string> named, Exception refusal, DateTime submittedAt, int resendsLeft, List<BatchPart<TItem, TResponse>> parts, CancellationToken cancellationToken)
        {
            var culprits = refused.Where(i => named.Contains(_targetOf(i).InstanceId)).ToList();
            var others = refused.Where(i => !named.Contains(_targetOf(i).InstanceId)).ToList();
            if (culprits.Count > 0)
            {
                parts.Add(BatchPart<TItem, TResponse>.Failed(culprits, refusal, submittedAt));
            }

            if (others.Count == 0)
            {
                return;
            }

            if (named.Count == 0 || _reconciler == null)
            {
                _log($"{_operation.Name}: refused because of ids it does not name; the other {others.Count} are not sent again, as {_operation.Name} leaves no trace to check whether the refused call reached them.");
                parts.Add(BatchPart<TItem, TResponse>.Unknown(others, new RefusedWithOthersException(_operation.Name, named, refusal), submittedAt));
                return;
            }

            var othersTargets = others.Select(_targetOf).ToList();
            var calls = new CallCount();
            IReadOnlyList<ReconcileOutcome> outcomes;
            try
            {
                outcomes = await _reconciler.CheckRefusedAsync(_operation, othersTargets, calls, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception readFailure) when (!cancellationToken.IsCancellationRequested && !(readFailure is OperationCanceledException))
            {
                _log($"{_operation.Name}: refused because of {string.Join(", ", named)}; the state of the other {others.Count} could not be read ({readFailure.Message}), so they are not sent again.");
                parts.Add(BatchPart<TItem, TResponse>.Unknown(others, new RefusedWithOthersException(_operation.Name, named, refusal, "their state could not be read"), submittedAt));
                return;
            }

            var verdicts = Verdicts(others, othersTargets, outcomes);
            var resend = verdicts.Where(v => v.outcome.Verdict == StateVerdict.Untouched).Select(v => v.item).ToList();
            var unsure = verdicts.Where(v => v.outcome.Verdict != StateVerdict.Untouched).ToList();
            _log($"{_operation.Name}: refused for {culprits.Count} of {refused.Count} ids ({((KooPhoneApiException)refusal).ErrorCode}); the state of the other {others.Count}, read in {calls.Value} call(s), shows {resend.Count} the refused call cannot have reached (sent again without the culprits) and {unsure.Count} it may have.");
            foreach (var group in unsure.GroupBy(v => v.outcome.Evidence))
            {
                parts.Add(BatchPart<TItem, TResponse>.Unknown(group.Select(v => v.item).ToList(), new RefusedWithOthersException(_operation.Name, named, refusal, group.Key), submittedAt));
            }

            if (resend.Count > 0)
            {
                await SettleAsync(resend, resendsLeft, null, parts, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Ends the culprits of a refusal with it, unless the refused call repeated one whose
        /// answer was lost (<paramref name="lost"/>): then the refusal may be what the first call
        /// left (an instance being backed up, released, gone), which state that showed late hid
        /// when it was read as untouched. Their state is read again, from the first call's time:
        /// done where it now shows the effect, Unknown otherwise, never failed with the refusal.
        /// </summary>
        private async Task EndCulpritsAsync(
            IReadOnlyList<TItem> culprits, Exception refusal, DateTime submittedAt, LostCall? lost, List<BatchPart<TItem, TResponse>> parts, CancellationToken cancellationToken)
        {
            if (lost == null || _reconciler == null || !_reconciler.CanReconcile(_operation))
            {
                parts.Add(BatchPart<TItem, TResponse>.Failed(culprits, refusal, submittedAt));
                return;
            }

            var code = ((KooPhoneApiException)refusal).ErrorCode;
            var targets = culprits.Select(_targetOf).ToList();
            var calls = new CallCount();
            IReadOnlyList<ReconcileOutcome> outcomes;
            try
            {
                outcomes = await _reconciler.ReconcileAsync(_operation, targets, lost.SubmittedAt, calls, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception readFailure) when (!cancellationToken.IsCancellationRequested && !(readFailure is OperationCanceledException))
            {
                _log($"{_operation.Name}: the repeat of a lost call was refused for {culprits.Count} item(s) ({code}), and their state could not be read again ({readFailure.Message}).");
                parts.Add(BatchPart<TItem, TResponse>.Unknown(culprits, new RepeatRefusedException(_operation.Name, "their state could not be read", refusal, lost.Error), lost.SubmittedAt));
                return;
            }

            var verdicts = Verdicts(culprits, targets, outcomes);
            var done = verdicts.Where(v => v.outcome.Verdict == StateVerdict.Done).ToList();
            var unsure = verdicts.Where(v => v.outcome.Verdict != StateVerdict.Done).ToList();
            _log($"{_operation.Name}: the repeat of a lost call was refused for {culprits.Count} item(s) ({code}), as the first call would have left them; their state, read again in {calls.Value} call(s), shows {done.Count} carried out and {unsure.Count} still unknown.");
            if (done.Count > 0)
            {
                parts.Add(BatchPart<TItem, TResponse>.Done(done.Select(v => v.item).ToList(), done.Select(v => v.outcome.Evidence).ToList(), lost.Error, lost.SubmittedAt));
            }

            foreach (var group in unsure.GroupBy(v => v.outcome.Evidence))
            {
                parts.Add(BatchPart<TItem, TResponse>.Unknown(group.Select(v => v.item).ToList(), new RepeatRefusedException(_operation.Name, group.Key, refusal, lost.Error), lost.SubmittedAt));
            }
        }

        /// <summary>Each item with the outcome the reconciler gave its target (the same object it was handed, at the same position).</summary>
        private static List<(TItem item, ReconcileOutcome outcome)> Verdicts(IReadOnlyList<TItem> items, IReadOnlyList<InstanceTarget> targets, IReadOnlyList<ReconcileOutcome> outcomes)
        {
            var byTarget = outcomes.ToDictionary(o => o.Target);
            return items.Select((item, i) => (item, outcome: byTarget[targets[i]])).ToList();
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

        /// <summary>
        /// One call: its answer, or the call failure that ended it. Cancellation is not a call
        /// failure and escapes; during the read ahead of a batch's first call, as CallNotSentException.
        /// </summary>
        private async Task<(DateTime submittedAt, TResponse? response, Exception? error)> TrySendAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken, bool first = false)
        {
            try
            {
                await ReadBeforeSendingAsync(items, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (first && cancellationToken.IsCancellationRequested)
            {
                throw new CallNotSentException(cancellationToken);
            }

            if (first && cancellationToken.IsCancellationRequested)
            {
                // Stopped while the state was read: the batch's call is not sent at all.
                throw new CallNotSentException(cancellationToken);
            }

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
        /// What reconciling a lost answer will need and cannot learn afterwards (IStateReconciler).
        /// A read that fails costs nothing but that knowledge: the call goes out all the same.
        /// </summary>
        private async Task ReadBeforeSendingAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken)
        {
            if (_reconciler == null)
            {
                return;
            }

            try
            {
                await _reconciler.ReadBeforeSendingAsync(_operation, items.Select(_targetOf).ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                _log($"{_operation.Name}: the state of {items.Count} item(s) could not be read before sending ({e.Message}); should the answer be lost, what state shows of them afterwards may not tell.");
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // Stopped meanwhile, and the read ended another way: the caller sees the stop.
            }
        }

        /// <summary>
        /// True when the other ids of a refused call may be sent again: reads, harmless repeats, and
        /// operations whose effect the reconciler can see (a repeat of those meets the service's
        /// own checks: a second backup is refused as "being backed up").
        /// </summary>
        private bool MayResendRefused() =>
            _operation.IsSafeToRepeat || (_reconciler != null && _reconciler.CanReconcile(_operation));

        /// <summary>A call whose answer was lost: when it was sent, and how it ended.</summary>
        private sealed class LostCall
        {
            public LostCall(DateTime submittedAt, Exception error)
            {
                SubmittedAt = submittedAt;
                Error = error;
            }

            public DateTime SubmittedAt { get; }

            public Exception Error { get; }
        }
    }
}
