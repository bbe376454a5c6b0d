using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api.Wire;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    internal sealed partial class KooPhoneApiClient
    {
        /// <summary>BatchShowSku: every instance specification the tenant can buy, one object per region and SKU.</summary>
        internal async Task<IReadOnlyList<KooPhoneSku>> GetSkusAsync(CancellationToken cancellationToken)
        {
            var path = WithQuery(KooPhoneOperation.BatchShowSku.RelativePath(), ("type", "0"));
            var data = (await ReadAsync<SkuData>(KooPhoneOperation.BatchShowSku, path, null, cancellationToken).ConfigureAwait(false)).Data;
            var bandwidthSku = data.BandInfo?.CbcSkuId;
            return (data.SkuSpecResponseList ?? new List<SkuRegionRecord>())
                .SelectMany(region => (region.SkuResponses ?? new List<SkuRecord>()).Select(sku => new KooPhoneSku
                {
                    RegionId = region.RegionId,
                    SkuId = sku.CbcSkuId,
                    BandwidthSkuId = bandwidthSku,
                    Type = sku.Type,
                    Name = sku.Name,
                    CalcSpec = sku.CalcSpec,
                    StorageSpec = sku.StorageSpec,
                    Description = sku.SpecDesc,
                    BandSizes = ParseBandSizes(sku.BandSize),
                    ChargeMode = sku.ChargeMode,
                    MaxResolution = sku.MaxResolution,
                    ResourceSize = sku.ResourceSize,
                    Pools = (sku.PoolInfo?.Aosp ?? new List<AospPoolRecord>())
                        .Select(p => new KooPhoneSkuPool { AospVersion = p.Version, PoolId = p.ResPoolId, Id = p.Id, Network = p.Network, Enabled = p.Enable })
                        .ToList(),
                }))
                .ToList();
        }

        /// <summary>CreateInstance: orders new yearly/monthly instances.</summary>
        internal async Task<KooPhoneOrder> CreateInstancesAsync(InstanceOrder order, CancellationToken cancellationToken)
        {
            var body = new CreateInstanceRequest
            {
                Os = order.Os,
                InstanceSkuId = order.InstanceSkuId,
                BandSkuId = order.BandwidthSkuId,
                RegionId = order.RegionId,
                InstanceNamePrefix = order.NamePrefix,
                BandSize = order.Bandwidth,
                Count = order.Count,
                ChargeParam = new ChargeParamWire
                {
                    ChargingMode = 1,
                    PeriodType = order.Yearly ? 3 : 2,
                    PeriodNum = order.PeriodCount,
                    IsAutoPay = Flag(order.AutoPay),
                    IsAutoRenew = Flag(order.AutoRenew),
                },
                Network = order.Network,
                NodeGroupId = order.NodeGroupId,
            };
            var answer = await ReadAsync<OrderData>(KooPhoneOperation.CreateInstance, KooPhoneOperation.CreateInstance.RelativePath(), body, cancellationToken).ConfigureAwait(false);
            return new KooPhoneOrder
            {
                OrderId = answer.Data.OrderId,
                Instances = (answer.Data.InstanceInfos ?? new List<OrderedInstanceRecord>())
                    .Select(i => new KooPhoneInstance { InstanceId = i.InstanceId ?? "", Name = i.InstanceName })
                    .ToList(),
                RequestId = answer.RequestId,
                ServiceRequestId = answer.ServiceRequestId,
            };
        }

        // A yes/no the service takes as 1/0; null when the user did not say, so it is not sent.
        private static int? Flag(bool? value) => value.HasValue ? (value.Value ? 1 : 0) : (int?)null;

        private static IReadOnlyList<double> ParseBandSizes(string? text) =>
            (text ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(s => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null)
                .Where(v => v.HasValue)
                .Select(v => v!.Value)
                .ToList();
    }
}
