using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// Pages through ListInstances. The first page tells the total, then up to <c>concurrency</c>
    /// following pages are fetched at once and handed out in order, so a large fleet costs about
    /// pages / concurrency round trips instead of one per page. Paging stops at the page the total
    /// promises, at a short page, or at an empty one (reference 5.15).
    /// </summary>
    public sealed class InstanceLister
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

        /// <summary>Pages in order. Blocks the calling thread while it waits; cancellation ends it with OperationCanceledException.</summary>
        public IEnumerable<InstancePage> ReadPages(InstanceQuery query, int pageSize, CancellationToken cancellationToken, int startPage = 1)
        {
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var window = new Queue<Task<InstancePage>>();
                try
                {
                    var first = Wait(_api.ListInstancesAsync(query, startPage, pageSize, stop.Token), cancellationToken);
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
                        var page = Wait(window.Dequeue(), cancellationToken);
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
                            pending.Wait();
                        }
                        catch (AggregateException)
                        {
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

        private static InstancePage Wait(Task<InstancePage> task, CancellationToken cancellationToken)
        {
            try
            {
                task.Wait(cancellationToken);
                return task.Result;
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException!).Throw();
                throw;
            }
        }
    }
}
