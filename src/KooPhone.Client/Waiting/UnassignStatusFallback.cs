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
    public sealed class UnassignStatusFallback : IJobStatusFallback
    {
        private readonly int _concurrency;

        public UnassignStatusFallback(int concurrency)
        {
            _concurrency = Math.Max(1, concurrency);
        }

        public async Task UpdateAsync(KooPhoneApiClient api, IReadOnlyList<KooPhoneJobResult> pending, CancellationToken cancellationToken)
        {
            var byId = pending.ToDictionary(r => r.InstanceId, StringComparer.Ordinal);
            foreach (var instance in await InstanceSnapshotReader.ReadAsync(api, byId.Keys, _concurrency, cancellationToken).ConfigureAwait(false))
            {
                if (!instance.IsAssigned)
                {
                    JobResultUpdater.Finish(byId[instance.InstanceId], KooPhoneJobStatus.Succeeded, null, null);
                }
            }
        }
    }
}
