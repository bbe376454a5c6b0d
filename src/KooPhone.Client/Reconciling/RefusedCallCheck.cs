using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Validation;
using KooPhone.Client.Waiting;

namespace KooPhone.Client.Reconciling
{
    /// <summary>
    /// Whether the other ids of a reboot or reset refused because of some of its ids may be sent
    /// again. A refusal that names its culprits says the service checked the whole call before it
    /// acted, and the reference reads such refusals as applying nothing [UNCONFIRMED: it infers
    /// whole-request rejection, docs/api-reference.md §11 item 4]. Tolerant of that being wrong,
    /// the others' state is read first (BatchShowInstance, one call per 100): a reboot or reset
    /// takes its instance out of Running, so an instance still Running cannot have been reached
    /// by the refused call, and goes again (a repeat of a reboot or reset that did happen would
    /// not be refused, and would act twice). Any other status, or none, may be the refused call's
    /// doing: that id's outcome is unknown. Operations that leave no such trace get Unknown.
    /// </summary>
    internal static class RefusedCallCheck
    {
        /// <summary>True for the operations whose effect takes the instance out of Running at once.</summary>
        public static bool CanCheck(KooPhoneOperation operation) =>
            operation == KooPhoneOperation.BatchRebootInstance || operation == KooPhoneOperation.BatchResetInstance;

        public static async Task<IReadOnlyList<ReconcileOutcome>> CheckAsync(
            KooPhoneApiClient api, KooPhoneOperation operation, IReadOnlyList<InstanceTarget> others, CallCount calls, CancellationToken cancellationToken)
        {
            if (!CanCheck(operation))
            {
                return others.Select(t => new ReconcileOutcome(t, StateVerdict.Unknown, $"{operation.Name} leaves no trace in the instance's state")).ToList();
            }

            var statusOf = new Dictionary<string, InstanceRunStatus>(StringComparer.Ordinal);
            var ids = others.Select(t => t.InstanceId).Distinct(StringComparer.Ordinal).ToList();
            for (var start = 0; start < ids.Count; start += InstanceIdRules.MaxBatchSize)
            {
                calls.Add(1);
                var statuses = await api.ShowInstanceStatusAsync(ids.Skip(start).Take(InstanceIdRules.MaxBatchSize).ToList(), cancellationToken).ConfigureAwait(false);
                foreach (var status in statuses)
                {
                    statusOf[status.InstanceId] = status.RunStatus;
                }
            }

            return others.Select(t => Verdict(t, statusOf)).ToList();
        }

        private static ReconcileOutcome Verdict(InstanceTarget target, Dictionary<string, InstanceRunStatus> statusOf)
        {
            if (!statusOf.TryGetValue(target.InstanceId, out var status))
            {
                return new ReconcileOutcome(target, StateVerdict.Unknown, "BatchShowInstance did not answer for it after the refusal");
            }

            return status == InstanceRunStatus.Running
                ? new ReconcileOutcome(target, StateVerdict.Untouched, "still Running after the refusal")
                : new ReconcileOutcome(target, StateVerdict.Unknown, $"{status} after the refusal, which the refused call may have caused");
        }
    }
}
