using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>An unassignment has ended once ListInstances shows the instance without a user.</summary>
    internal sealed class UnassignStatusFallback : IJobStatusFallback
    {
        private readonly InstanceSnapshotReader _reader;

        public UnassignStatusFallback(int concurrency)
        {
            _reader = new InstanceSnapshotReader(concurrency);
        }

        public async Task UpdateAsync(KooPhoneApiClient api, IReadOnlyList<KooPhoneJobResult> pending, CallCount calls, CancellationToken cancellationToken)
        {
            var byId = pending.ToLookup(r => r.InstanceId, StringComparer.Ordinal);
            foreach (var instance in await _reader.ReadAsync(api, byId.Select(g => g.Key).ToList(), cancellationToken, calls).ConfigureAwait(false))
            {
                var now = api.Context.Time.GetUtcNow().UtcDateTime;
                foreach (var result in byId[instance.InstanceId])
                {
                    if (!instance.IsAssigned)
                    {
                        JobResultUpdater.Finish(result, KooPhoneJobStatus.Succeeded, null, null, now);
                    }
                    else
                    {
                        NotCarriedOutRule.Apply(result, api.Context.ReconcileTimeout, "no unassignment", now);
                    }
                }
            }
        }
    }
}
