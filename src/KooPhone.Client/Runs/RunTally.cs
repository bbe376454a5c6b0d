using System;
using System.Collections.Generic;
using System.Linq;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// What a run's summary needs, counted as entries are recorded: results by status, errors by
    /// code, the Unknown and NotSent ids, each with the first few ids. A result handed to -Wait is
    /// counted by the status the wait ends it with (<see cref="Ended"/>), not by the one it was
    /// submitted with; until then it is Waiting. Thread-safe: entries come from the pipeline thread
    /// and from calls that answer after Ctrl+C.
    /// </summary>
    internal sealed class RunTally
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, KooPhoneRunCount> _results = new Dictionary<string, KooPhoneRunCount>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, KooPhoneRunCount> _errors = new Dictionary<string, KooPhoneRunCount>(StringComparer.OrdinalIgnoreCase);
        private readonly KooPhoneRunCount _unknown = new KooPhoneRunCount(nameof(RunOutcome.Unknown));
        private readonly KooPhoneRunCount _notSent = new KooPhoneRunCount(nameof(RunOutcome.NotSent));
        private int _waiting;

        /// <summary>A tally of entries read back (a record that later runs changed).</summary>
        public static RunTally Of(IEnumerable<KooPhoneRunEntry> entries)
        {
            var tally = new RunTally();
            foreach (var entry in entries)
            {
                tally.Add(entry);
            }

            return tally;
        }

        /// <summary>What a result handed to -Wait counts as until the wait ends it: the wait is still going on, or was stopped.</summary>
        public const string Waiting = "Waiting";

        /// <summary>How many results handed to -Wait have not ended (yet): the wait goes on, or was stopped.</summary>
        public int WaitingCount
        {
            get
            {
                lock (_gate)
                {
                    return _waiting;
                }
            }
        }

        /// <summary>A result handed to -Wait: counted by status once <see cref="Ended"/> says how it ended.</summary>
        public void AddWaiting()
        {
            lock (_gate)
            {
                _waiting++;
            }
        }

        /// <summary>The wait wrote a result it was handed, with the status it ended with (or the last one seen at the time limit).</summary>
        public void Ended(string instanceId, string status)
        {
            lock (_gate)
            {
                _waiting--;
                Of(_results, status).Add(instanceId);
            }
        }

        /// <summary>The wait learned that a result it was handed was not carried out: counted among the errors by code.</summary>
        public void EndedAsError(string instanceId, string errorCode)
        {
            lock (_gate)
            {
                _waiting--;
                Of(_errors, errorCode).Add(instanceId);
            }
        }

        public void Add(KooPhoneRunEntry entry)
        {
            lock (_gate)
            {
                switch (entry.Outcome)
                {
                    case RunOutcome.Result:
                        Of(_results, string.IsNullOrEmpty(entry.Status) ? "Done" : entry.Status!).Add(entry.InstanceId);
                        break;
                    case RunOutcome.Error:
                        Of(_errors, string.IsNullOrEmpty(entry.ErrorCode) ? "Error" : entry.ErrorCode!).Add(entry.InstanceId);
                        break;
                    case RunOutcome.Unknown:
                        _unknown.Add(entry.InstanceId);
                        break;
                    case RunOutcome.NotSent:
                        _notSent.Add(entry.InstanceId);
                        break;
                }
            }
        }

        /// <summary>A consistent copy: results and errors most frequent first.</summary>
        public (IReadOnlyList<KooPhoneRunCount> Results, IReadOnlyList<KooPhoneRunCount> Errors, KooPhoneRunCount Unknown, KooPhoneRunCount NotSent) Snapshot()
        {
            lock (_gate)
            {
                var results = Sorted(_results);
                if (_waiting > 0)
                {
                    results = results.Concat(new[] { KooPhoneRunCount.Unnamed(Waiting, _waiting) }).ToList();
                }

                return (results, Sorted(_errors), _unknown.Copy(), _notSent.Copy());
            }
        }

        private static IReadOnlyList<KooPhoneRunCount> Sorted(Dictionary<string, KooPhoneRunCount> counts) =>
            counts.Values.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Copy()).ToList();

        private static KooPhoneRunCount Of(Dictionary<string, KooPhoneRunCount> counts, string name)
        {
            if (!counts.TryGetValue(name, out var count))
            {
                count = counts[name] = new KooPhoneRunCount(name);
            }

            return count;
        }
    }
}
