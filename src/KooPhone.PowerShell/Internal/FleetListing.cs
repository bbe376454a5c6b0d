using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.PowerShell.Completion;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Get-KooPhoneInstance without ids, handed the cmdlet: one listing per query (the whole fleet,
    /// or one per name the service filters on), each instance written as its page arrives and
    /// matched against -Name, with a progress bar per query and a warning when the fleet changed
    /// too much to be listed whole.
    /// </summary>
    internal sealed class FleetListing
    {
        private const int ProgressId = 1;

        private readonly Cmdlet _cmdlet;
        private readonly CallScope _calls;
        private readonly KooPhoneApiClient _api;
        private readonly int _throttleLimit;
        private readonly InstanceNameFilter _names;

        public FleetListing(Cmdlet cmdlet, CallScope calls, KooPhoneApiClient api, int throttleLimit, InstanceNameFilter names)
        {
            _cmdlet = cmdlet;
            _calls = calls;
            _api = api;
            _throttleLimit = throttleLimit;
            _names = names;
        }

        /// <summary>
        /// Pages of a listing as the cmdlet reads them: Ctrl+C ends the wait for the next page, traces
        /// are written after each, and a call that fails ends the command, since the pages after it
        /// cannot be read without it.
        /// </summary>
        public static IEnumerable<T> Pages<T>(Cmdlet cmdlet, CallScope calls, IEnumerable<T> source)
        {
            using (var pages = source.GetEnumerator())
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = calls.Stoppable(pages.MoveNext);
                    }
                    catch (Exception e) when (ErrorRecords.IsCallFailure(e))
                    {
                        cmdlet.ThrowTerminatingError(ErrorRecords.ForTarget(e, null, "Listing instances"));
                        yield break;
                    }

                    calls.WriteTraces();
                    if (!more)
                    {
                        yield break;
                    }

                    yield return pages.Current;
                }
            }
        }

        /// <summary>
        /// Lists what <paramref name="filter"/> (a new query each call) selects. <paramref name="filtered"/>
        /// says the service narrows the listing down, so it is not the fleet -InstanceId completion may keep.
        /// </summary>
        public void Write(Func<InstanceQuery> filter, bool filtered)
        {
            var serviceNames = _names.ServiceNames;
            var queries = serviceNames == null
                ? new[] { filter() }
                : serviceNames.Select(n => { var q = filter(); q.InstanceName = n; return q; }).ToArray();

            // A full listing also feeds -InstanceId completion, so it need not list again.
            var listed = serviceNames == null && !filtered ? new List<KeyValuePair<string, string>>() : null;
            foreach (var query in queries)
            {
                var listing = new InstanceListing(_api, _throttleLimit);
                // One bar per query: each has its own total.
                var progress = new ListingProgress(_cmdlet, ProgressId, query.InstanceName == null ? "Listing instances" : $"Listing instances named '{query.InstanceName}'");
                foreach (var instances in Pages(_cmdlet, _calls, listing.Read(query, _calls.Token)))
                {
                    progress.Read(listing.LastPage!);
                    if (listed != null)
                    {
                        listed.AddRange(instances.Select(InstanceNameCache.NameOf));
                        // A fleet too large to tab through is not cached: a million-instance listing
                        // must stream in flat memory.
                        listed = listed.Count > InstanceNameCache.MaxEntries ? null : listed;
                    }

                    foreach (var instance in instances)
                    {
                        if (_names.IsMatch(instance))
                        {
                            _cmdlet.WriteObject(instance);
                        }
                    }
                }

                progress.Complete();
                WarnIfIncomplete(listing);
            }

            if (listed != null)
            {
                InstanceNameCache.Store(_api.Context, listed);
            }
        }

        private void WarnIfIncomplete(InstanceListing listing)
        {
            if (listing.MayBeMissing > 0)
            {
                _cmdlet.WriteWarning($"The fleet changed while it was listed, through {listing.Passes} readings: up to {listing.MayBeMissing} instance(s) may be missing from the output. Run the command again when the fleet is quieter.");
            }
        }
    }
}
