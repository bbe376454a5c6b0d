using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KooPhone.Client.Batching;
using KooPhone.Client.Models;

namespace KooPhone.Client.Api
{
    /// <summary>
    /// A listing that tells the truth while the fleet changes. ListInstances pages by position, so
    /// an instance deleted behind the reader shifts later ones onto pages already read (they are
    /// skipped), and one created ahead of it shifts read ones onto later pages (they come twice).
    /// Each instance is handed out once, by id; when the total changes between pages the listing is
    /// read again, up to <see cref="MaxRereads"/> times, handing out only instances not seen yet.
    /// A pass whose total never moved saw the whole fleet. When none did, <see cref="MayBeMissing"/>
    /// says how many instances the last pass may have skipped. A deletion and a creation between the
    /// same two pages leave the total unchanged and cannot be seen this way.
    /// </summary>
    internal sealed class InstanceListing
    {
        /// <summary>Full re-reads after the first pass: each costs a whole listing again.</summary>
        public const int MaxRereads = 2;

        private readonly InstanceLister _lister;
        private readonly SeenKeys _seen = new SeenKeys();

        public InstanceListing(KooPhoneApiClient api, int concurrency)
        {
            _lister = new InstanceLister(api, concurrency);
        }

        /// <summary>After the listing: how many matching instances may not have been handed out; 0 when it is complete.</summary>
        public int MayBeMissing { get; private set; }

        /// <summary>The page read last, for progress: it carries the total and the page size.</summary>
        public InstancePage? LastPage { get; private set; }

        /// <summary>After the listing: how many times it was read.</summary>
        public int Passes { get; private set; }

        /// <summary>
        /// The instances not handed out before, a page at a time. <paramref name="firstPage"/> is page 1
        /// of <paramref name="query"/> when the caller already read it. Blocks while it waits.
        /// </summary>
        public IEnumerable<IReadOnlyList<KooPhoneInstance>> Read(InstanceQuery query, CancellationToken cancellationToken, InstancePage? firstPage = null)
        {
            for (var pass = 0; pass <= MaxRereads; pass++)
            {
                Passes = pass + 1;
                var drift = new TotalDrift();
                var pages = pass == 0 && firstPage != null
                    ? After(firstPage, query, cancellationToken)
                    : _lister.ReadPages(query, InstanceLister.MaxPageSize, cancellationToken);
                foreach (var page in pages)
                {
                    drift.Add(page);
                    LastPage = page;
                    var fresh = page.Instances.Where(i => _seen.Add(i.InstanceId)).ToList();
                    if (fresh.Count > 0)
                    {
                        yield return fresh;
                    }
                }

                MayBeMissing = drift.MayBeMissing;
                if (MayBeMissing == 0)
                {
                    yield break;
                }
            }
        }

        private IEnumerable<InstancePage> After(InstancePage firstPage, InstanceQuery query, CancellationToken cancellationToken)
        {
            yield return firstPage;
            if (InstanceLister.IsLast(firstPage, 1))
            {
                yield break;
            }

            foreach (var page in _lister.ReadPages(query, firstPage.PageSize, cancellationToken, startPage: 2))
            {
                yield return page;
            }
        }
    }
}
