using System;
using System.Collections.Generic;
using System.Globalization;

namespace KooPhone.Emulator.State;

/// <summary>
/// All live instances in listing order plus the indexes to find them. Replaced as a whole on
/// reset, and only touched under the <see cref="InstanceStore"/> lock.
/// </summary>
public sealed class InstanceTable
{
    private readonly Dictionary<string, StoredInstance> createdByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> lastNumberByPrefix = new(StringComparer.Ordinal);

    // IDs of deleted instances: never issued again, so a deleted ID stays unknown for good.
    private readonly HashSet<string> retiredIds = new(StringComparer.Ordinal);

    // Deleted instances ListInstances still shows (--delete-lag-ms), by ID; empty without a lag.
    private readonly Dictionary<string, StoredInstance> stillListed = new(StringComparer.Ordinal);

    // Created IDs come from their own deterministic stream, so a run's IDs repeat after a reset.
    private readonly Random createdIdRandom;
    private int nextIndex;

    /// <summary>Wraps the records produced by <see cref="InstanceSeeder"/>.</summary>
    public InstanceTable(List<StoredInstance> records, Dictionary<string, StoredInstance> byId, int seed)
    {
        Records = records;
        ById = byId;
        SeededCount = records.Count;
        nextIndex = records.Count;
        createdIdRandom = new Random(unchecked(seed * 31 + 17));
    }

    /// <summary>
    /// Listed records in listing order: seeded ones by index, then created ones by creation; with
    /// --delete-lag-ms also deleted ones whose listing time is not over.
    /// Sorted by <see cref="StoredInstance.Index"/>, which is what makes a lookup by index cheap.
    /// </summary>
    public List<StoredInstance> Records { get; }

    /// <summary>Live records by instance_id (ordinal, case-sensitive).</summary>
    public Dictionary<string, StoredInstance> ById { get; }

    /// <summary>How many instances were seeded (deleted ones included).</summary>
    public int SeededCount { get; }

    /// <summary>The live instance named <paramref name="name"/>, or null.</summary>
    public StoredInstance? FindByName(string name)
    {
        if (createdByName.TryGetValue(name, out StoredInstance? created))
        {
            return created;
        }

        return InstanceProfile.TryParseName(name, SeededCount, out int index) ? FindByIndex(index) : null;
    }

    /// <summary>Adds a new instance at the end of the listing, with a fresh ID and a name unique among live instances.</summary>
    public StoredInstance AddCreated(string namePrefix, string skuText, RegionInfo region, string os, long createdAtSeconds)
    {
        string id;
        do
        {
            id = InstanceIds.Draw(createdIdRandom);
        }
        while (ById.ContainsKey(id) || retiredIds.Contains(id));

        var record = new StoredInstance(nextIndex++, id)
        {
            Extras = new InstanceExtras { Created = new CreatedInstance(NextName(namePrefix), skuText, region, os, createdAtSeconds) },
        };
        Records.Add(record);
        ById.Add(id, record);
        createdByName.Add(record.Extras.Created!.Name, record);
        return record;
    }

    /// <summary>
    /// Removes <paramref name="doomed"/> from <see cref="ById"/>, so every operation treats them as
    /// unknown; their IDs are never reissued. They leave the listing at once when
    /// <paramref name="listedUntilMs"/> is 0, otherwise at that moment (Unix ms).
    /// </summary>
    public void Remove(IReadOnlyCollection<StoredInstance> doomed, long listedUntilMs)
    {
        foreach (StoredInstance record in doomed)
        {
            ById.Remove(record.Id);
            retiredIds.Add(record.Id);
            if (listedUntilMs != 0)
            {
                record.Extend().ListedUntilMs = listedUntilMs;
                stillListed.Add(record.Id, record);
            }
        }

        if (listedUntilMs == 0)
        {
            RemoveFromListing(doomed);
        }
    }

    /// <summary>A deleted instance ListInstances still shows, or null.</summary>
    public StoredInstance? FindStillListed(string id) => stillListed.GetValueOrDefault(id);

    /// <summary>Takes the deleted instances whose listing time is over out of the listing.</summary>
    public void ForgetDeleted(long nowMs)
    {
        if (stillListed.Count == 0)
        {
            return;
        }

        var gone = new List<StoredInstance>();
        foreach (StoredInstance record in stillListed.Values)
        {
            if (record.Extras!.ListedUntilMs <= nowMs)
            {
                gone.Add(record);
            }
        }

        foreach (StoredInstance record in gone)
        {
            stillListed.Remove(record.Id);
        }

        RemoveFromListing(gone);
    }

    private void RemoveFromListing(IReadOnlyCollection<StoredInstance> doomed)
    {
        if (doomed.Count == 0)
        {
            return;
        }

        var set = new HashSet<StoredInstance>(doomed, ReferenceEqualityComparer.Instance);
        Records.RemoveAll(set.Contains);
        foreach (StoredInstance record in doomed)
        {
            if (record.Extras?.Created is CreatedInstance created)
            {
                createdByName.Remove(created.Name);
            }
        }
    }

    // <prefix>-1, <prefix>-2, …; a later order with the same prefix continues the numbering, so
    // names stay unique and the exact instance_name filter keeps matching at most one instance.
    private string NextName(string prefix)
    {
        lastNumberByPrefix.TryGetValue(prefix, out int number);
        string name;
        do
        {
            number++;
            name = prefix + "-" + number.ToString(CultureInfo.InvariantCulture);
        }
        while (createdByName.ContainsKey(name) || InstanceProfile.TryParseName(name, SeededCount, out _));

        lastNumberByPrefix[prefix] = number;
        return name;
    }

    private StoredInstance? FindByIndex(int index)
    {
        // Without deletions before it, a record sits at its own index; otherwise binary search.
        if (index < Records.Count && Records[index].Index == index)
        {
            return Records[index];
        }

        int low = 0;
        int high = Math.Min(index, Records.Count - 1);
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            int found = Records[middle].Index;
            if (found == index)
            {
                return Records[middle];
            }

            if (found < index)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }
}
