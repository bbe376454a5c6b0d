using System;
using System.Collections.Generic;
using System.Linq;

namespace KooPhone.Client.Runs
{
    /// <summary>
    /// How many ids of a run ended one way (a status, an error code, Unknown, NotSent) and, while
    /// they are few, which: a summary names the culprits of a rare error, and points to the run
    /// record (Get-KooPhoneRun) for a common one. Memory stays flat for a million ids.
    /// </summary>
    public sealed class KooPhoneRunCount
    {
        /// <summary>Up to this many ids are named; more are only counted.</summary>
        public const int NamedIds = 5;

        private readonly List<string> _ids;

        internal KooPhoneRunCount(string name)
            : this(name, 0, new List<string>(NamedIds))
        {
        }

        private KooPhoneRunCount(string name, int count, List<string> ids)
        {
            Name = name;
            Count = count;
            _ids = ids;
        }

        /// <summary>The status, error code or outcome counted.</summary>
        public string Name { get; }

        public int Count { get; private set; }

        /// <summary>The ids, when there are at most <see cref="NamedIds"/>; empty when there are more.</summary>
        public IReadOnlyList<string> Ids => Count <= NamedIds ? _ids.ToList() : (IReadOnlyList<string>)Array.Empty<string>();

        internal void Add(string id)
        {
            Count++;
            if (_ids.Count < NamedIds)
            {
                _ids.Add(id);
            }
        }

        internal KooPhoneRunCount Copy() => new KooPhoneRunCount(Name, Count, _ids.ToList());

        /// <summary>A count whose ids are not kept (they change while it is read): it names none.</summary>
        internal static KooPhoneRunCount Unnamed(string name, int count) => new KooPhoneRunCount(name, count, new List<string>());

        public override string ToString() => $"{Name} {Count}";
    }
}
