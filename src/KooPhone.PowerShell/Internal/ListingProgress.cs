using System.Management.Automation;
using KooPhone.Client.Api;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Progress of a paged listing: pages and instances read so far, and a percentage once the
    /// first page has told the total (total_count); a service that sends none gets the counts alone.
    /// </summary>
    internal sealed class ListingProgress
    {
        private readonly ProgressLine _line;
        private int _pages;
        private long _instances;
        private long? _total;

        public ListingProgress(Cmdlet cmdlet, int id, string activity)
        {
            _line = new ProgressLine(cmdlet, id, activity);
        }

        /// <summary>Counts a page that has been read.</summary>
        public void Read(InstancePage page)
        {
            _pages++;
            _instances += page.Instances.Count;
            _total = _total ?? page.TotalCount;
            var status = _total.HasValue && page.PageSize > 0
                ? $"Page {_pages} of {(_total.Value + page.PageSize - 1) / page.PageSize} read, {_instances} of {_total} instances so far"
                : $"Page {_pages} read, {_instances} instances so far";
            _line.Write(status, _instances, _total);
        }

        public void Complete() => _line.Complete();
    }
}
