using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// Pages through ListInstances. The first page tells the total, then up to <c>concurrency</c>
    /// following pages are fetched at once and handed out in order, so a large fleet costs about
    /// pages / concurrency round trips instead of one per page. Paging stops at the page the total
    /// promises, at a short page, or at an empty one (docs/api-reference.md §5.15).
    /// </summary>
    internal sealed class InstanceLister
    {
        /// <summary>
        /// The reference documents no maximum page size [UNCONFIRMED]; 100 is the list limit of every
        /// other operation, and a service that caps lower is followed through the page size it reports.
        /// </summary>
        public const int MaxPageSize = 100;

        private readonly KooPhoneApiClient _api;
        private readonly int _concurrency;

        public InstanceLister(KooPhoneApiClient api, int concurrency)
        {
            _api = api ?? throw new ArgumentNullException(nameof(api));
            _concurrency = Math.Max(1, concurrency);
        }

        /// <summary>
        /// Pages in order, for callers on a thread that must block (the pipeline thread, a tab
        /// completer): a thin wrapper over <see cref="ReadPagesAsync"/>. Cancellation ends it with
        /// OperationCanceledException.
        /// </summary>
        public IEnumerable<InstancePage> ReadPages(InstanceQuery query, int pageSize, CancellationToken cancellationToken, int startPage = 1)
        {
            var pages = ReadPagesAsync(query, pageSize, cancellationToken, startPage).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (pages.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                    yield return pages.Current;
                }
            }
            finally
            {
                pages.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        /// <summary>Pages in order; cancellation ends it with OperationCanceledException.</summary>
        public async IAsyncEnumerable<InstancePage> ReadPagesAsync(InstanceQuery query, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken, int startPage = 1)
        {
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var window = new Queue<Task<InstancePage>>();
                try
                {
                    var first = await _api.ListInstancesAsync(query, startPage, pageSize, stop.Token).ConfigureAwait(false);
                    yield return first;
                    if (IsLast(first, startPage))
                    {
                        yield break;
                    }

                    // The page size the service applied, in case it caps below what was asked.
                    var size = first.PageSize;
                    var lastPage = first.TotalCount.HasValue ? (first.TotalCount.Value + size - 1) / size : (int?)null;
                    var next = startPage + 1;
                    while (true)
                    {
                        // Without a total the next page is only asked for once this one proved full.
                        var limit = lastPage.HasValue ? _concurrency : 1;
                        while (window.Count < limit && (!lastPage.HasValue || next <= lastPage.Value))
                        {
                            window.Enqueue(_api.ListInstancesAsync(query, next++, size, stop.Token));
                        }

                        if (window.Count == 0)
                        {
                            yield break;
                        }

                        var pageNo = next - window.Count;
                        var page = await window.Dequeue().ConfigureAwait(false);
                        yield return page;
                        if (page.Instances.Count < size)
                        {
                            yield break;
                        }

                        if (!lastPage.HasValue && IsLast(page, pageNo))
                        {
                            yield break;
                        }
                    }
                }
                finally
                {
                    // Pages fetched ahead that nobody will read: cancel them and let them end, so no
                    // request outlives the listing.
                    stop.Cancel();
                    foreach (var pending in window)
                    {
                        try
                        {
                            await pending.ConfigureAwait(false);
                        }
                        catch (Exception)
                        {
                            // Cancelled or failed: either way nobody reads it.
                        }
                    }
                }
            }
        }

        internal static bool IsLast(InstancePage page, int pageNo)
        {
            if (page.Instances.Count == 0 || page.Instances.Count < page.PageSize)
            {
                return true;
            }

            return page.TotalCount.HasValue && (long)pageNo * page.PageSize >= page.TotalCount.Value;
        }
    }
}
