using System;
using System.Collections.Generic;

namespace KooPhone.Emulator.State;

/// <summary>CreateInstance (docs/api-reference.md §5.9): the instances an order adds.</summary>
public sealed class OrderOperations
{
    private readonly InstanceStore store;

    /// <summary>Creates the operations over <paramref name="store"/>.</summary>
    public OrderOperations(InstanceStore store) => this.store = store;

    /// <summary>
    /// Places <paramref name="order"/>. Paid at once (isAutoPay 1), it adds its instances at the
    /// end of the listing, running, unassigned and yearly/monthly. Unpaid, it stays pending and
    /// adds nothing (paying happens in the console, which the emulator does not have).
    /// </summary>
    public IReadOnlyList<OrderedInstance> Place(InstanceOrder order)
    {
        if (!order.AutoPay)
        {
            return Array.Empty<OrderedInstance>();
        }

        return store.Update(tx =>
        {
            var created = new OrderedInstance[order.Count];
            long nowSeconds = tx.NowMs / 1000;
            for (int i = 0; i < created.Length; i++)
            {
                StoredInstance record = tx.AddCreated(order.NamePrefix, order.Sku.InstanceSkuText, order.Sku.Region, order.Os);
                record.RunningStatus = StatusValues.Running;

                // Never backed up ("other"); the data was put on its machine when it was made.
                record.BackupStatus = StatusValues.Other;
                record.BackupTime = nowSeconds;
                record.RestoreStatus = StatusValues.Succeeded;
                record.RestoreTime = nowSeconds;
                created[i] = new OrderedInstance(record.Id, record.Extras!.Created!.Name);
            }

            return created;
        });
    }
}
