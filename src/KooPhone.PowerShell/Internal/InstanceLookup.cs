using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Models;
using KooPhone.Client.Waiting;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Get-KooPhoneInstance -InstanceId, handed the cmdlet: reads the first page, then takes the
    /// cheaper way (one query per id, or one listing of the fleet filtered locally).
    /// </summary>
    internal sealed class InstanceLookup
    {
        private readonly Cmdlet _cmdlet;
        private readonly CallScope _calls;
        private readonly KooPhoneApiClient _api;
        private readonly int _throttleLimit;
        private readonly InstanceNameFilter _names;
        private readonly List<string> _ids;

        public InstanceLookup(Cmdlet cmdlet, CallScope calls, KooPhoneApiClient api, int throttleLimit, InstanceNameFilter names, IEnumerable<string> ids)
        {
            _cmdlet = cmdlet;
            _calls = calls;
            _api = api;
            _throttleLimit = throttleLimit;
            _names = names;
            _ids = ids.Distinct(StringComparer.Ordinal).ToList();
        }

        public void Write()
        {
            var wanted = new HashSet<string>(_ids, StringComparer.Ordinal);
            LookupChoice choice;
            try
            {
                choice = _calls.Await(new InstanceSnapshotReader(_throttleLimit).ChooseAsync(_api, _ids.Count, _calls.Token));
            }
            catch (Exception e) when (ErrorRecords.IsCallFailure(e))
            {
                _cmdlet.ThrowTerminatingError(ErrorRecords.ForTarget(e, null, "Listing instances"));
                return;
            }

            var confirm = true;
            if (choice.ListAll)
            {
                var listing = new InstanceListing(_api, _throttleLimit);
                foreach (var instances in FleetListing.Pages(_cmdlet, _calls, listing.Read(InstanceQuery.All, _calls.Token, choice.FirstPage)))
                {
                    WriteWanted(instances, wanted);
                }

                // A listing that saw a stable fleet proves the rest absent; otherwise they are asked for one by one.
                confirm = listing.MayBeMissing > 0;
            }
            else if (choice.FirstPage != null)
            {
                WriteWanted(choice.FirstPage.Instances, wanted);
            }

            var rest = _ids.Where(wanted.Contains);
            if (confirm)
            {
                WriteEach(rest);
                return;
            }

            foreach (var id in rest)
            {
                WriteNotFound(id);
            }
        }

        private void WriteWanted(IEnumerable<KooPhoneInstance> instances, HashSet<string> wanted)
        {
            foreach (var instance in instances)
            {
                if (wanted.Remove(instance.InstanceId) && _names.IsMatch(instance))
                {
                    _cmdlet.WriteObject(instance);
                }
            }
        }

        private void WriteEach(IEnumerable<string> ids)
        {
            // One filtered query per id, ThrottleLimit at a time, through the same batching engine.
            var api = _api;
            var dispatcher = new BatchDispatcher<string, InstancePage>(1, _throttleLimit,
                (batch, ct) => api.ListInstancesAsync(new InstanceQuery { InstanceId = batch[0] }, 1, 1, ct), _calls.Token);

            foreach (var id in ids)
            {
                Write(_calls.Stoppable(() => dispatcher.Add(id)));
            }

            Write(_calls.Stoppable(() => dispatcher.Complete().ToList()));
        }

        private void Write(IEnumerable<CompletedBatch<string, InstancePage>> lookups)
        {
            _calls.WriteTraces();
            foreach (var lookup in lookups)
            {
                var id = lookup.Items[0];
                if (!lookup.Succeeded)
                {
                    _cmdlet.WriteError(ErrorRecords.ForTarget(lookup.Error!, id, "Getting instance"));
                    continue;
                }

                var instance = lookup.Response!.Instances.FirstOrDefault(i => i.InstanceId == id);
                if (instance == null)
                {
                    WriteNotFound(id);
                }
                else if (_names.IsMatch(instance))
                {
                    _cmdlet.WriteObject(instance);
                }
            }
        }

        private void WriteNotFound(string id)
        {
            var error = new ItemNotFoundException($"Instance '{id}' was not found.");
            _cmdlet.WriteError(new ErrorRecord(error, "KooPhone.InstanceNotFound", ErrorCategory.ObjectNotFound, id));
        }
    }
}
