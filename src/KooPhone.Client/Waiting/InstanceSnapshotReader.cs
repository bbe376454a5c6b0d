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
    /// filtered query per instance, or one pass over all pages of the fleet. It remembers the
    /// fleet's page count from its last listing, so a later read of fewer ids than there are pages
    /// costs one call per id and no page: a read costs at most min(ids, pages) calls, plus the
    /// first page once, when the fleet's size is not known yet. <see cref="ChooseAsync"/> makes
    /// that choice for callers that read the instances their own way (Get-KooPhoneInstance -InstanceId).
    /// </summary>
    internal sealed class InstanceSnapshotReader
    {
        private readonly int _concurrency;
        // The fleet's page count at the last listing; 0 until one has been read.
        private int _knownPages;

        public InstanceSnapshotReader(int concurrency)
        {
            _concurrency = Math.Max(1, concurrency);
        }

        // calls, when given, counts the calls made, for those that must report their cost.
        public async Task<IReadOnlyList<KooPhoneInstance>> ReadAsync(KooPhoneApiClient api, IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken, CallCount? calls = null)
        {
            var wanted = new HashSet<string>(instanceIds, StringComparer.Ordinal);
            if (wanted.Count == 0)
            {
                return Array.Empty<KooPhoneInstance>();
            }

            var choice = await ChooseAsync(api, wanted.Count, cancellationToken, calls).ConfigureAwait(false);
            if (choice.FirstPage == null)
            {
                return await ReadEachAsync(api, wanted, cancellationToken, calls).ConfigureAwait(false);
            }

            var pages = choice.Pages;
            var found = choice.FirstPage.Instances.Where(i => wanted.Contains(i.InstanceId)).ToList();

            if (choice.ListAll)
            {
                calls?.Add(pages - 1);
                await foreach (var page in new InstanceLister(api, _concurrency).ReadPagesAsync(InstanceQuery.All, InstanceLister.MaxPageSize, cancellationToken, startPage: 2).ConfigureAwait(false))
                {
                    found.AddRange(page.Instances.Where(i => wanted.Contains(i.InstanceId)));
                }

                return found;
            }

            wanted.ExceptWith(found.Select(i => i.InstanceId));
            found.AddRange(await ReadEachAsync(api, wanted, cancellationToken, calls).ConfigureAwait(false));
            return found;
        }

        /// <summary>
        /// Decides between a query per id and one listing for <paramref name="wanted"/> ids. Reads
        /// page 1 (one call) unless the fleet is known to have more pages than there are ids, or there
        /// is one id, which no listing reads in fewer calls than its own query.
        /// </summary>
        public async Task<LookupChoice> ChooseAsync(KooPhoneApiClient api, int wanted, CancellationToken cancellationToken, CallCount? calls = null)
        {
            if (wanted <= 1 || wanted < Volatile.Read(ref _knownPages))
            {
                return new LookupChoice(null, Volatile.Read(ref _knownPages), listAll: false);
            }

            var first = await api.ListInstancesAsync(InstanceQuery.All, 1, InstanceLister.MaxPageSize, cancellationToken).ConfigureAwait(false);
            var pages = first.TotalCount.HasValue ? (first.TotalCount.Value + first.PageSize - 1) / first.PageSize : int.MaxValue;
            Volatile.Write(ref _knownPages, first.TotalCount.HasValue ? pages : 0);
            calls?.Add(1);
            return new LookupChoice(first, pages, listAll: pages <= wanted);
        }

        private async Task<IReadOnlyList<KooPhoneInstance>> ReadEachAsync(KooPhoneApiClient api, HashSet<string> wanted, CancellationToken cancellationToken, CallCount? calls)
        {
            using (var gate = new SemaphoreSlim(_concurrency))
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
