namespace KooPhone.Emulator.State;

/// <summary>
/// The fleet changing under a listing (listingChurn): another client creating instances, which
/// join the end of the listing, or deleting the first ones listed, which shifts every later
/// instance one place forward.
/// </summary>
public sealed class ChurnOperations
{
    private const string NamePrefix = "churn";

    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public ChurnOperations(InstanceStore store) => this.store = store;

    /// <summary>Creates <paramref name="count"/> instances when positive, deletes -<paramref name="count"/> when negative.</summary>
    public void Apply(int count)
    {
        if (count == 0)
        {
            return;
        }

        store.Update(tx =>
        {
            if (count < 0)
            {
                tx.Remove(tx.FirstListed(-count));
                return 0;
            }

            for (int i = 0; i < count; i++)
            {
                StoredInstance record = tx.AddCreated(NamePrefix, tx.Profile.Sku(0), tx.Profile.SeededRegion(0), InstanceProfile.SeededOs);
                record.RunningStatus = StatusValues.Running;
            }

            return count;
        });
    }
}
