using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Waiting;

namespace KooPhone.Client.Reconciling
{
    /// <summary>
    /// Decides, from the instances' state, what became of a state-changing call whose answer was
    /// lost, late or malformed (docs/operations.md, "Reconciling"): Done where the state shows the
    /// effect, Untouched where it still shows none when the settle time runs out, Unknown where the
    /// operation leaves no reliable trace or the state cannot be read. It reads state in rounds
    /// that back off (0.5, 1, 2, 4, 4… s) and stops early once every item is decided, so a lost
    /// batch of 100 costs at most one snapshot per round: min(100, fleet pages) calls. It also
    /// reads what a lost answer will need before a delete goes out (<see cref="KnownInstances"/>),
    /// and checks the others of a refused reboot or reset (<see cref="RefusedCallCheck"/>).
    /// </summary>
    internal sealed class StateReconciler : IStateReconciler
    {
        private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(4);

        private readonly KooPhoneApiClient _api;
        private readonly InstanceSnapshotReader _reader;
        private readonly TimeSpan _settleTime;
        private readonly KnownInstances _known = new KnownInstances();

        /// <summary>
        /// A reconciler over the context's ReconcileTimeout: how long the service may take to show a
        /// change in ListInstances [UNCONFIRMED: the reference does not say]. A change that shows
        /// later would be taken for "untouched" and sent again, so the default errs long; evidence of
        /// the effect ends the wait early.
        /// </summary>
        public StateReconciler(KooPhoneApiClient api, int concurrency)
        {
            _api = api;
            _reader = new InstanceSnapshotReader(concurrency);
            _settleTime = api.Context.ReconcileTimeout;
        }

        public bool CanReconcile(KooPhoneOperation operation) =>
            operation.StateSignal == StateSignal.BackupStatus || operation.StateSignal == StateSignal.Disappears || operation.StateSignal == StateSignal.AssignStatus;

        /// <summary>Before a delete: which of its instances exist, so that one no longer listed after a lost answer proves the delete.</summary>
        public Task ReadBeforeSendingAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, CancellationToken cancellationToken) =>
            operation.StateSignal == StateSignal.Disappears
                ? _known.ReadAsync(_api, targets.Select(t => t.InstanceId), cancellationToken)
                : Task.CompletedTask;

        public Task<IReadOnlyList<ReconcileOutcome>> CheckRefusedAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> others, CallCount calls, CancellationToken cancellationToken) =>
            RefusedCallCheck.CheckAsync(_api, operation, others, calls, cancellationToken);

        public async Task<IReadOnlyList<ReconcileOutcome>> ReconcileAsync(
            KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, DateTime submittedAt, CallCount calls, CancellationToken cancellationToken)
        {
            if (!CanReconcile(operation))
            {
                return targets.Select(t => new ReconcileOutcome(t, StateVerdict.Unknown, $"{operation.Name} leaves no reliable trace in the instance's state")).ToList();
            }

            var decided = new List<ReconcileOutcome>();
            var pending = targets.ToList();
            var time = _api.Context.Time;
            var deadline = time.GetUtcNow().UtcDateTime + _settleTime;
            var interval = FirstInterval;
            IReadOnlyDictionary<string, KooPhoneInstance> seen = new Dictionary<string, KooPhoneInstance>();
            while (true)
            {
                var snapshot = await _reader.ReadAsync(_api, pending.Select(t => t.InstanceId).Distinct().ToList(), cancellationToken, calls).ConfigureAwait(false);
                seen = snapshot.GroupBy(i => i.InstanceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                var now = time.GetUtcNow().UtcDateTime;
                foreach (var listed in seen.Keys)
                {
                    // Listed now: if it disappears by a later round, that is the delete's doing.
                    _known.Add(listed);
                }

                foreach (var target in pending.ToList())
                {
                    seen.TryGetValue(target.InstanceId, out var instance);
                    var evidence = EvidenceOfEffect(operation, target, instance, _known.Contains(target.InstanceId), submittedAt, now);
                    if (evidence != null)
                    {
                        decided.Add(new ReconcileOutcome(target, StateVerdict.Done, evidence));
                        pending.Remove(target);
                    }
                }

                if (pending.Count == 0 || now >= deadline)
                {
                    break;
                }

                var wait = deadline - now < interval ? deadline - now : interval;
                await time.Delay(wait, cancellationToken).ConfigureAwait(false);
                interval = interval + interval > MaxInterval ? MaxInterval : interval + interval;
            }

            foreach (var target in pending)
            {
                seen.TryGetValue(target.InstanceId, out var instance);
                decided.Add(Unchanged(operation, target, instance, submittedAt));
            }

            return decided;
        }

        /// <summary>
        /// What shows the call was carried out, or null while nothing does. For a delete, an
        /// instance no longer listed is evidence only when it is known to have existed
        /// (<paramref name="known"/>): an id that never existed is not listed either.
        /// </summary>
        private static string? EvidenceOfEffect(KooPhoneOperation operation, InstanceTarget target, KooPhoneInstance? instance, bool known, DateTime submittedAt, DateTime now)
        {
            if (operation.StateSignal == StateSignal.Disappears)
            {
                return instance == null && known ? "the instance is no longer listed" : null;
            }

            if (instance == null)
            {
                return null;
            }

            if (operation.StateSignal == StateSignal.BackupStatus)
            {
                if (instance.BackupStatus == InstanceOperationStatus.Executing || instance.BackupStatus == InstanceOperationStatus.Preparing)
                {
                    return "backup_status " + instance.BackupStatus;
                }

                return instance.BackupStatus.HasValue && BackupStatusFallback.IsOurs(instance.BackupTime, submittedAt, now)
                    ? $"backup_status {instance.BackupStatus} at {instance.BackupTime:yyyy-MM-dd HH:mm:ss}"
                    : null;
            }

            if (operation == KooPhoneOperation.ProvisionInstance)
            {
                return instance.IsAssigned && string.Equals(instance.AssignedUser, target.UserId, StringComparison.Ordinal) ? "assigned to user " + target.UserId : null;
            }

            return !instance.IsAssigned ? "no longer assigned" : null;
        }

        /// <summary>The verdict on a target whose state never showed the effect within the settle time.</summary>
        private ReconcileOutcome Unchanged(KooPhoneOperation operation, InstanceTarget target, KooPhoneInstance? instance, DateTime submittedAt)
        {
            var waited = $"after {_settleTime.TotalSeconds:0} s";
            if (instance == null && operation.StateSignal == StateSignal.Disappears)
            {
                // Known instances that disappeared were decided Done in the rounds; this one never showed it existed.
                return new ReconcileOutcome(target, StateVerdict.Unknown, "the instance is not listed, and nothing read before or since the call showed that it existed: a delete carried out and an id that never existed look alike");
            }

            if (instance == null)
            {
                // For anything but a delete a missing instance tells nothing.
                return new ReconcileOutcome(target, StateVerdict.Unknown, "the instance could not be read " + waited);
            }

            // backup_time's zone is an assumption (KooPhoneTime.AssumedOffset). If it is wrong, a
            // fresh time looks up to ZoneUncertainty old, so a finished backup counts as "untouched"
            // only when its time lies further back than that; a time in that band cannot tell.
            if (operation.StateSignal == StateSignal.BackupStatus && instance.BackupTime.HasValue && instance.BackupTime.Value > submittedAt - KooPhoneTime.ZoneUncertainty)
            {
                return new ReconcileOutcome(target, StateVerdict.Unknown, $"backup_time {instance.BackupTime:yyyy-MM-dd HH:mm:ss} is too recent to tell in a time zone the reference does not state");
            }

            return new ReconcileOutcome(target, StateVerdict.Untouched, "no sign of it in the instance's state " + waited);
        }
    }
}
