using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api.Wire;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    internal sealed partial class KooPhoneApiClient
    {
        /// <summary>BatchPrepareInstances: restores instances for a user so they can be streamed.</summary>
        internal async Task<IReadOnlyList<KooPhonePrepareResult>> PrepareInstancesAsync(string userId, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
        {
            var body = new UserInstanceIdsRequest { UserId = userId, InstanceIds = instanceIds };
            var answer = await ReadAsync<PrepareData>(KooPhoneOperation.BatchPrepareInstances, KooPhoneOperation.BatchPrepareInstances.RelativePath(), body, cancellationToken).ConfigureAwait(false);
            return (answer.Data.StatusList ?? new List<StatusResult>())
                .Where(s => !string.IsNullOrEmpty(s.InstanceId))
                .Select(s => new KooPhonePrepareResult { InstanceId = s.InstanceId!, UserId = userId, Status = (InstanceLifecycleStatus)(s.Status ?? 0), RequestId = answer.RequestId, ServiceRequestId = answer.ServiceRequestId })
                .ToList();
        }

        /// <summary>ShowProgress: how far preparing one instance for a user has come.</summary>
        internal async Task<KooPhonePrepareResult> GetPrepareProgressAsync(string userId, string instanceId, CancellationToken cancellationToken)
        {
            var body = new UserInstanceRequest { UserId = userId, InstanceId = instanceId };
            var answer = await ReadAsync<ProgressData>(KooPhoneOperation.ShowProgress, KooPhoneOperation.ShowProgress.RelativePath(), body, cancellationToken).ConfigureAwait(false);
            return new KooPhonePrepareResult
            {
                InstanceId = instanceId,
                UserId = userId,
                Progress = (PrepareProgressStatus?)answer.Data.Status,
                WaitingCount = answer.Data.WaitingCount,
                RequestId = answer.RequestId,
                ServiceRequestId = answer.ServiceRequestId,
            };
        }

        /// <summary>ProvisionInstance: assigns instances to users.</summary>
        internal Task<ActionReceipt> AssignInstancesAsync(IReadOnlyList<UserInstancePair> pairs, CancellationToken cancellationToken) =>
            SendActionAsync(KooPhoneOperation.ProvisionInstance, Pairs(pairs), cancellationToken);

        /// <summary>CancelInstance: unassigns instances and clears the users' data on them; answers with a task.</summary>
        internal Task<BatchSubmission> UnassignInstancesAsync(IReadOnlyList<UserInstancePair> pairs, CancellationToken cancellationToken) =>
            SubmitTaskAsync(KooPhoneOperation.CancelInstance, Pairs(pairs), cancellationToken);

        private static UserInstancesRequest Pairs(IReadOnlyList<UserInstancePair> pairs) => new UserInstancesRequest
        {
            UserInstances = pairs.Select(p => new UserInstanceRequest { UserId = p.UserId, InstanceId = p.InstanceId }).ToList(),
        };
    }
}
