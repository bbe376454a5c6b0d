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
        /// <summary>ListInstances: one page. page_no starts at 1 [UNCONFIRMED in the reference; 1 is what the SDK examples use].</summary>
        internal async Task<InstancePage> ListInstancesAsync(InstanceQuery query, int pageNo, int pageSize, CancellationToken cancellationToken)
        {
            var requestId = NewRequestId();
            // ListInstances takes x-request-id as a query parameter (docs/api-reference.md §2.2); it is sent as a header too.
            var path = WithQuery(
                KooPhoneOperation.ListInstances.RelativePath(),
                ("x-request-id", requestId),
                ("page_no", Number(pageNo)),
                ("page_size", Number(pageSize)),
                ("instance_id", query.InstanceId),
                ("instance_name", query.InstanceName),
                ("query_start_time", query.Since.HasValue ? KooPhoneTime.FormatUtc(query.Since.Value) : null),
                ("query_end_time", query.Until.HasValue ? KooPhoneTime.FormatUtc(query.Until.Value) : null),
                ("pool_scene_tag", query.Scene.HasValue ? (query.Scene.Value == PoolScene.CloudApp ? "CLOUD_APP" : "CLOUD_PHONE") : null),
                ("pool_name", query.PoolName),
                ("order", query.Descending.HasValue ? (query.Descending.Value ? "desc" : "asc") : null),
                ("order_by", query.SortBy));
            var data = (await ReadAsync<InstancePageData>(KooPhoneOperation.ListInstances, path, null, cancellationToken, requestId).ConfigureAwait(false)).Data;
            var instances = (data.Result ?? new List<InstanceRecord>()).Select(InstanceMapper.ToInstance).ToList();
            var effectiveSize = data.PageSize.GetValueOrDefault() > 0 ? data.PageSize!.Value : pageSize;
            return new InstancePage(data.PageNo ?? pageNo, effectiveSize, data.TotalCount, instances);
        }

        /// <summary>BatchShowInstance: the run status of up to 100 instances, each naming the call that read it.</summary>
        internal async Task<IReadOnlyList<KooPhoneInstanceStatus>> ShowInstanceStatusAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
        {
            var answer = await ReadAsync<StatusResultsData>(KooPhoneOperation.BatchShowInstance, KooPhoneOperation.BatchShowInstance.RelativePath(), new InstanceIdsRequest(instanceIds), cancellationToken).ConfigureAwait(false);
            return (answer.Data.StatusResults ?? new List<StatusResult>())
                .Where(r => r.InstanceId != null)
                .Select(r => new KooPhoneInstanceStatus
                {
                    InstanceId = r.InstanceId!,
                    RunStatus = (InstanceRunStatus)(r.Status ?? 0),
                    StatusCode = r.Status ?? 0,
                    RequestId = answer.RequestId,
                    ServiceRequestId = answer.ServiceRequestId,
                })
                .ToList();
        }
    }
}
