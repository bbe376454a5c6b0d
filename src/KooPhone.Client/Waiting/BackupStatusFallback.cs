using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// Reads a backup's outcome from ListInstances' backup_status. Whichever is cheaper is used:
    /// one filtered query per pending instance, or one pass over all pages of the fleet.
    /// </summary>
    public sealed class BackupStatusFallback : IJobStatusFallback
    {
        // The instance keeps the state of its previous backup until the service picks the new one
        // up, so a finished state only counts when its time is not older than the submission
        // (less this much for clocks that disagree).
        private static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(2);

        private readonly int _concurrency;

        public BackupStatusFallback(int concurrency)
        {
            _concurrency = Math.Max(1, concurrency);
        }

        public async Task UpdateAsync(KooPhoneApiClient api, IReadOnlyList<KooPhoneJobResult> pending, CancellationToken cancellationToken)
        {
            if (pending.Count == 0)
            {
                return;
            }

            var first = await api.ListInstancesAsync(InstanceQuery.All, 1, InstanceLister.MaxPageSize, cancellationToken).ConfigureAwait(false);
            var pages = first.TotalCount.HasValue ? (first.TotalCount.Value + first.PageSize - 1) / first.PageSize : int.MaxValue;
            var byId = pending.ToDictionary(r => r.InstanceId, StringComparer.Ordinal);

            if (pages <= pending.Count)
            {
                Apply(first.Instances, byId);
                var lister = new InstanceLister(api, _concurrency);
                foreach (var page in lister.ReadPages(InstanceQuery.All, InstanceLister.MaxPageSize, cancellationToken, startPage: 2))
                {
                    Apply(page.Instances, byId);
                }

                return;
            }

            using (var gate = new SemaphoreSlim(_concurrency))
            {
                var queries = pending.Select(async result =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        var page = await api.ListInstancesAsync(new InstanceQuery { InstanceId = result.InstanceId }, 1, 1, cancellationToken).ConfigureAwait(false);
                        Apply(page.Instances, byId);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }).ToList();
                await Task.WhenAll(queries).ConfigureAwait(false);
            }
        }

        private static void Apply(IEnumerable<KooPhoneInstance> instances, Dictionary<string, KooPhoneJobResult> byId)
        {
            foreach (var instance in instances)
            {
                if (!byId.TryGetValue(instance.InstanceId, out var result) || result.CompletedAt.HasValue)
                {
                    continue;
                }

                var fresh = instance.BackupTime == null || instance.BackupTime >= result.SubmittedAt - ClockTolerance;
                switch (instance.BackupStatus)
                {
                    case InstanceOperationStatus.Succeeded when fresh:
                        JobResultUpdater.Finish(result, KooPhoneJobStatus.Succeeded, null, null);
                        break;
                    case InstanceOperationStatus.Failed when fresh:
                    case InstanceOperationStatus.Other when fresh:
                        JobResultUpdater.Finish(result, KooPhoneJobStatus.Failed, null, "The instance reports backup status " + instance.BackupStatus + ".");
                        break;
                    case InstanceOperationStatus.Executing:
                        result.Status = KooPhoneJobStatus.Running;
                        break;
                }
            }
        }
    }
}
