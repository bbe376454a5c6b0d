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
    /// Reads the current ListInstances records of some instances, whichever way is cheaper: one
    /// filtered query per instance, or one pass over all pages of the fleet.
    /// </summary>
    internal static class InstanceSnapshotReader
    {
        // calls, when given, counts the calls made, for those that must report their cost.
        public static async Task<IReadOnlyList<KooPhoneInstance>> ReadAsync(KooPhoneApiClient api, IReadOnlyCollection<string> instanceIds, int concurrency, CancellationToken cancellationToken, CallCount? calls = null)
        {
            var wanted = new HashSet<string>(instanceIds, StringComparer.Ordinal);
            var found = new List<KooPhoneInstance>();
            var first = await api.ListInstancesAsync(InstanceQuery.All, 1, InstanceLister.MaxPageSize, cancellationToken).ConfigureAwait(false);
            var pages = first.TotalCount.HasValue ? (first.TotalCount.Value + first.PageSize - 1) / first.PageSize : int.MaxValue;
            calls?.Add(1);

            if (pages <= wanted.Count)
            {
                found.AddRange(first.Instances.Where(i => wanted.Contains(i.InstanceId)));
                calls?.Add(pages - 1);
                // The listing blocks while it waits, so it runs off the caller's thread.
                await Task.Run(() =>
                {
                    foreach (var page in new InstanceLister(api, concurrency).ReadPages(InstanceQuery.All, InstanceLister.MaxPageSize, cancellationToken, startPage: 2))
                    {
                        found.AddRange(page.Instances.Where(i => wanted.Contains(i.InstanceId)));
                    }
                }, cancellationToken).ConfigureAwait(false);
                return found;
            }

            using (var gate = new SemaphoreSlim(Math.Max(1, concurrency)))
            {
                var pagesById = await Task.WhenAll(wanted.Select(async id =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    calls?.Add(1);
                    try
                    {
                        return await api.ListInstancesAsync(new InstanceQuery { InstanceId = id }, 1, 1, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ConfigureAwait(false);
                return pagesById.SelectMany(p => p.Instances).Where(i => wanted.Contains(i.InstanceId)).ToList();
            }
        }
    }
}
