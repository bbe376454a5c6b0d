using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using KooPhone.Client.Connection;
using KooPhone.Client.Models;

namespace KooPhone.PowerShell.Completion
{
    /// <summary>
    /// The ids and names of a context's instances as last listed, for tab completion: a full
    /// Get-KooPhoneInstance refreshes it, and completion reads it instead of calling the API on
    /// every keystroke. It lives beside the completers, not in the engine: only the cmdlets fill
    /// and read it. Held weakly per context, so a dropped context takes its cache with it.
    /// </summary>
    internal static class InstanceNameCache
    {
        public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

        /// <summary>More instances than this are not cached: nobody tabs through them, and memory must stay flat.</summary>
        public const int MaxEntries = 5000;

        private static readonly ConditionalWeakTable<KooPhoneContext, Entry> Entries = new ConditionalWeakTable<KooPhoneContext, Entry>();

        /// <summary>Ids and names only: a listing of 100,000 instances must not keep 100,000 objects alive.</summary>
        public static KeyValuePair<string, string> NameOf(KooPhoneInstance instance) =>
            new KeyValuePair<string, string>(instance.InstanceId, instance.Name ?? "");

        public static void Store(KooPhoneContext context, IReadOnlyList<KeyValuePair<string, string>> names)
        {
            Entries.Remove(context);
            Entries.Add(context, new Entry(names, DateTime.UtcNow));
        }

        /// <summary>The cached ids and names, or null when there are none or they are older than MaxAge.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>>? TryGet(KooPhoneContext context)
        {
            return Entries.TryGetValue(context, out var entry) && DateTime.UtcNow - entry.StoredAt < MaxAge ? entry.Names : null;
        }

        private sealed class Entry
        {
            public Entry(IReadOnlyList<KeyValuePair<string, string>> names, DateTime storedAt)
            {
                Names = names;
                StoredAt = storedAt;
            }

            public IReadOnlyList<KeyValuePair<string, string>> Names { get; }

            public DateTime StoredAt { get; }
        }
    }
}
