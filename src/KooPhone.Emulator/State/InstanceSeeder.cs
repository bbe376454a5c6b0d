using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>
/// Builds the deterministic starting set of instances: the same seed and count always give the
/// same IDs and states, so tests can rely on them across runs and after a reset.
/// </summary>
public sealed class InstanceSeeder
{
    // Seeded backup/restore times fall in the half year before this moment, so they look
    // historical yet do not depend on the clock (determinism).
    private static readonly long TimeBase = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    private const int TimeSpreadSeconds = 180 * 24 * 3600;

    private readonly int seed;
    private readonly int count;

    /// <summary>Creates a seeder for <paramref name="count"/> instances from <paramref name="seed"/>.</summary>
    public InstanceSeeder(int seed, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        this.seed = seed;
        this.count = count;
    }

    /// <summary>Creates a fresh table.</summary>
    public InstanceTable Seed()
    {
        // System.Random with an explicit seed uses a fixed legacy algorithm: same sequence every run.
        var random = new Random(seed);
        var records = new List<StoredInstance>(count);
        var byId = new Dictionary<string, StoredInstance>(count, StringComparer.Ordinal);

        for (int i = 0; i < count; i++)
        {
            string id;
            do
            {
                id = InstanceIds.Draw(random);
            }
            while (byId.ContainsKey(id));

            // Every other instance (phone-00001, phone-00003, …) is assigned to a user.
            bool assigned = i % 2 == 0;
            long backupTime = TimeBase + random.Next(TimeSpreadSeconds);
            var record = new StoredInstance(i, id)
            {
                RunningStatus = StatusValues.Running,
                FrozenStatus = 0,
                LoginStatus = (sbyte)(assigned && random.Next(4) == 0 ? 1 : 0),
                AssignStatus = (sbyte)(assigned ? StatusValues.Assigned : 0),
                BackupStatus = StatusValues.Succeeded,
                RestoreStatus = StatusValues.Succeeded,
                BackupTime = backupTime,

                // A running instance was restored after its last backup.
                RestoreTime = backupTime + 60 + random.Next(3 * 24 * 3600),
            };
            records.Add(record);
            byId.Add(id, record);
        }

        // Billing modes and app lists are derived from the index (InstanceProfile), not stored.
        return new InstanceTable(records, byId, seed);
    }
}
