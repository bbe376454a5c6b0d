using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api.Wire;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    public sealed partial class KooPhoneApiClient
    {
        /// <summary>ListInstances: one page. page_no starts at 1 [UNCONFIRMED in the reference; 1 is what the SDK examples use].</summary>
        public async Task<InstancePage> ListInstancesAsync(InstanceQuery query, int pageNo, int pageSize, CancellationToken cancellationToken)
        {
            var requestId = NewRequestId();
            // ListInstances takes x-request-id as a query parameter (reference 2.2); it is sent as a header too.
            var path = new StringBuilder(KooPhoneOperation.ListInstances.RelativePath()).Append("?x-request-id=").Append(Uri.EscapeDataString(requestId))
                .Append("&page_no=").Append(pageNo.ToString(CultureInfo.InvariantCulture))
                .Append("&page_size=").Append(pageSize.ToString(CultureInfo.InvariantCulture));
            AppendFilter(path, "instance_id", query.InstanceId);
            AppendFilter(path, "instance_name", query.InstanceName);
            AppendFilter(path, "query_start_time", query.Since.HasValue ? KooPhoneTime.FormatUtc(query.Since.Value) : null);
            AppendFilter(path, "query_end_time", query.Until.HasValue ? KooPhoneTime.FormatUtc(query.Until.Value) : null);
            AppendFilter(path, "pool_scene_tag", query.Scene.HasValue ? (query.Scene.Value == PoolScene.CloudApp ? "CLOUD_APP" : "CLOUD_PHONE") : null);
            AppendFilter(path, "pool_name", query.PoolName);
            AppendFilter(path, "order", query.Descending.HasValue ? (query.Descending.Value ? "desc" : "asc") : null);
            AppendFilter(path, "order_by", query.SortBy);

            var response = await SendAsync(new ApiCall(KooPhoneOperation.ListInstances, path.ToString(), null, requestId), cancellationToken).ConfigureAwait(false);
            var data = ResponseEnvelope.ReadData<InstancePageData>(response, KooPhoneJson.Options);
            var instances = (data.Result ?? new List<InstanceRecord>()).Select(InstanceMapper.ToInstance).ToList();
            var effectiveSize = data.PageSize.GetValueOrDefault() > 0 ? data.PageSize!.Value : pageSize;
            return new InstancePage(data.PageNo ?? pageNo, effectiveSize, data.TotalCount, instances);
        }

        /// <summary>BatchShowInstance: the run status of up to 100 instances.</summary>
        public async Task<IReadOnlyList<InstanceStatusResult>> ShowInstanceStatusAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
        {
            var call = new ApiCall(KooPhoneOperation.BatchShowInstance, KooPhoneOperation.BatchShowInstance.RelativePath(), new InstanceIdsRequest(instanceIds), NewRequestId());
            var response = await SendAsync(call, cancellationToken).ConfigureAwait(false);
            var data = ResponseEnvelope.ReadData<StatusResultsData>(response, KooPhoneJson.Options);
            return (data.StatusResults ?? new List<StatusResult>())
                .Where(r => r.InstanceId != null)
                .Select(r => new InstanceStatusResult(r.InstanceId!, (InstanceRunStatus)(r.Status ?? 0)))
                .ToList();
        }

        private static void AppendFilter(StringBuilder path, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                path.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }
    }
}
