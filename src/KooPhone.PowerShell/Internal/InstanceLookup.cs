using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;
using KooPhone.Client.Waiting;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>
    /// Get-KooPhoneInstance -InstanceId, handed the cmdlet: reads the first page, then takes the
    /// cheaper way (one query per id, or one listing of the fleet filtered locally) and writes the
    /// instances in the order their ids were given. Instances found ahead of their turn wait, so at
    /// most one per id is held, never the fleet; errors are written as soon as they are known.
    /// </summary>
    internal sealed class InstanceLookup
    {
        private readonly Cmdlet _cmdlet;
        private readonly CallScope _calls;
        private readonly KooPhoneApiClient _api;
        private readonly int _throttleLimit;
        private readonly InstanceNameFilter _names;

        // The ids in input order, each once; those without an outcome yet; the outcomes not written
        // yet (null: nothing to write, as for an id not found); and the first id not written.
        private readonly List<string> _order;
        private readonly HashSet<string> _wanted;
        private readonly Dictionary<string, KooPhoneInstance?> _waiting = new Dictionary<string, KooPhoneInstance?>(StringComparer.Ordinal);
        private int _next;

        public InstanceLookup(Cmdlet cmdlet, CallScope calls, KooPhoneApiClient api, int throttleLimit, InstanceNameFilter names, IEnumerable<string> ids)
        {
            _cmdlet = cmdlet;
            _calls = calls;
            _api = api;
            _throttleLimit = throttleLimit;
            _names = names;
            _order = ids.Distinct(StringComparer.Ordinal).ToList();
            _wanted = new HashSet<string>(_order, StringComparer.Ordinal);
        }

        public void Write()
        {
            LookupChoice choice;
            var choosing = new InstanceSnapshotReader(_throttleLimit).ChooseAsync(_api, _order.Count, _calls.Token);
            try
            {
                choice = _calls.Await(choosing);
            }
            catch (Exception e) when (ErrorRecords.IsCallFailure(e))
            {
                _cmdlet.ThrowTerminatingError(ErrorRecords.ForTarget(e, null, "Listing instances"));
                return;
            }
            finally
            {
                // Ctrl+C ends the wait at once and cancels the call, but the call itself may still be
                // ending: the cmdlet returns only once it has, so nothing of it reaches the service later.
                WaitEnded(choosing);
            }

            var confirm = true;
            if (choice.ListAll)
            {
                var listing = new InstanceListing(_api, _throttleLimit);
                foreach (var instances in FleetListing.Pages(_cmdlet, _calls, listing.Read(InstanceQuery.All, _calls.Token, choice.FirstPage)))
                {
                    Found(instances);
                }

                // A listing that saw a stable fleet proves the rest absent; otherwise they are asked for one by one.
                confirm = listing.MayBeMissing > 0;
            }
            else if (choice.FirstPage != null)
            {
                Found(choice.FirstPage.Instances);
            }

            var rest = _order.Where(_wanted.Contains).ToList();
            if (confirm)
            {
                WriteEach(rest);
                return;
            }

            foreach (var id in rest)
            {
                NotFound(id);
            }
        }

        private void Found(IEnumerable<KooPhoneInstance> instances)
        {
            foreach (var instance in instances)
            {
                Settle(instance.InstanceId, instance);
            }
        }

        private void WriteEach(IEnumerable<string> ids)
        {
            // One filtered query per id, ThrottleLimit at a time; leaving, it waits for its calls.
            using (var queries = new InstanceIdQueries(_api, _throttleLimit, _calls.Token))
            {
                foreach (var id in ids)
                {
                    SettleLookups(_calls.Stoppable(() => queries.Add(id)));
                }

                SettleLookups(_calls.Stoppable(queries.Complete));
            }
        }

        // Blocks until the call has ended, however it ended: its outcome was reported, or nobody wants it.
        private static void WaitEnded(Task call)
        {
            try
            {
                call.Wait();
            }
            catch (AggregateException)
            {
            }
        }

        private void SettleLookups(IEnumerable<InstanceIdAnswer> answers)
        {
            _calls.WriteTraces();
            foreach (var answer in answers)
            {
                if (answer.Error != null)
                {
                    _cmdlet.WriteError(NameShapedId.WithHint(ErrorRecords.ForTarget(answer.Error, answer.InstanceId, "Getting instance"), answer.InstanceId));
                    Settle(answer.InstanceId, null);
                }
                else if (answer.Instance == null)
                {
                    NotFound(answer.InstanceId);
                }
                else
                {
                    Settle(answer.InstanceId, answer.Instance);
                }
            }
        }

        private void NotFound(string id)
        {
            var error = new ItemNotFoundException($"Instance '{id}' was not found.");
            _cmdlet.WriteError(NameShapedId.WithHint(new ErrorRecord(error, "KooPhone.InstanceNotFound", ErrorCategory.ObjectNotFound, id), id));
            Settle(id, null);
        }

        // Keeps the outcome of a wanted id (pages carry others too), then writes every outcome whose
        // turn has come.
        private void Settle(string id, KooPhoneInstance? instance)
        {
            if (!_wanted.Remove(id))
            {
                return;
            }

            _waiting[id] = instance != null && _names.IsMatch(instance) ? instance : null;
            while (_next < _order.Count && _waiting.TryGetValue(_order[_next], out var turn))
            {
                _waiting.Remove(_order[_next++]);
                if (turn != null)
                {
                    _cmdlet.WriteObject(turn);
                }
            }
        }
    }
}
