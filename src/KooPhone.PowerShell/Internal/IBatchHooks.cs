using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Reconciling;

namespace KooPhone.PowerShell.Internal
{
    /// <summary>What a batch cmdlet tells the <see cref="BatchRun{TItem, TResponse}"/> it is handed to: its operation and how its items go.</summary>
    internal interface IBatchHooks<TItem, TResponse>
    {
        KooPhoneOperation Operation { get; }

        string ActionName { get; }

        int ItemsPerCall { get; }

        /// <summary>Ids never sent by a cmdlet that holds them back (Remove).</summary>
        IEnumerable<TItem> HeldBack { get; }

        InstanceTarget TargetOf(TItem item);

        string? PartitionOf(TItem item);

        bool Confirm(TItem item);

        void Accept(TItem item);

        Task<TResponse> SendBatchAsync(KooPhoneApiClient api, IReadOnlyList<TItem> items, CancellationToken cancellationToken);

        void OnBatchSucceeded(IReadOnlyList<TItem> items, TResponse response);
    }
}
