using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Batching;
using KooPhone.Client.Models;
using KooPhone.Client.Validation;

namespace KooPhone.Client.Reconciling
{
    /// <summary>
    /// The instances a run has seen exist: answered by BatchShowInstance just before a delete, or
    /// listed by a reconciling read. A delete's effect is that its instance is no longer listed,
    /// which an id that never existed shows just as well; so "not listed" proves a delete only for
    /// an id known here. Ids are kept packed (SeenKeys), 8 bytes each, for runs of a million.
    /// Thread-safe: the batches of a run share it.
    /// </summary>
    internal sealed class KnownInstances
    {
        private readonly SeenKeys _seen = new SeenKeys();

        public void Add(string instanceId)
        {
            lock (_seen)
            {
                _seen.Add(instanceId);
            }
        }

        public bool Contains(string instanceId)
        {
            lock (_seen)
            {
                return _seen.Contains(instanceId);
            }
        }

        /// <summary>
        /// Asks BatchShowInstance (one call per 100 ids) about the ids not known yet, and keeps
        /// those it answers for. [UNCONFIRMED] how the service answers an id it does not know: the
        /// emulator refuses the call (KOOPHONE.API.1001), and a service might list it with status 0
        /// (unknown) instead; so an id counts as existing only when it came back with a known
        /// status. A refused or failed read teaches nothing, and its error escapes to the caller.
        /// </summary>
        public async Task ReadAsync(KooPhoneApiClient api, IEnumerable<string> instanceIds, CancellationToken cancellationToken)
        {
            var unknown = instanceIds.Distinct(StringComparer.Ordinal).Where(id => !Contains(id)).ToList();
            for (var start = 0; start < unknown.Count; start += InstanceIdRules.MaxBatchSize)
            {
                var asked = unknown.Skip(start).Take(InstanceIdRules.MaxBatchSize).ToList();
                var statuses = await api.ShowInstanceStatusAsync(asked, cancellationToken).ConfigureAwait(false);
                var wanted = new HashSet<string>(asked, StringComparer.Ordinal);
                foreach (var status in statuses.Where(s => s.RunStatus != InstanceRunStatus.Unknown && wanted.Contains(s.InstanceId)))
                {
                    Add(status.InstanceId);
                }
            }
        }
    }
}
