using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>SetVideo (docs/api-reference.md §5.17): the stream bit and frame rates of instances.</summary>
public sealed class VideoOperations
{
    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public VideoOperations(InstanceStore store) => this.store = store;

    /// <summary>Stores <paramref name="settings"/> (validated, immutable, shared) on every instance.</summary>
    public BatchResult TrySet(IReadOnlyList<string> ids, IReadOnlyList<VideoSetting> settings) => store.Update(tx =>
    {
        BatchScreening screening = tx.Screen(ids);
        foreach (StoredInstance record in screening.RecordsToChange())
        {
            record.Extend().VideoSettings = settings;
        }

        return BatchResult.Of(screening, tx.Now);
    });
}
