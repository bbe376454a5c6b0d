using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Waiting;

namespace KooPhone.Client.Reconciling
{
    /// <summary>Decides from the instances' state what became of a call whose answer was lost, or of the other ids of a refused call.</summary>
    internal interface IStateReconciler
    {
        /// <summary>True when the operation's effect shows in the state this reconciler reads.</summary>
        bool CanReconcile(KooPhoneOperation operation);

        /// <summary>The verdict on every target, and the calls it cost in <paramref name="calls"/>.</summary>
        Task<IReadOnlyList<ReconcileOutcome>> ReconcileAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, DateTime submittedAt, CallCount calls, CancellationToken cancellationToken);

        /// <summary>
        /// Reads, just before a call goes out, what reconciling its lost answer would need and could
        /// not learn afterwards (for a delete: that the instances exist). Nothing for most operations.
        /// </summary>
        Task ReadBeforeSendingAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, CancellationToken cancellationToken);

        /// <summary>
        /// For the ids of a call refused because of other ids, for an operation that leaves no
        /// trace to reconcile: Untouched where their state shows the refused call cannot have
        /// reached them (they may be sent again), Unknown for the rest.
        /// </summary>
        Task<IReadOnlyList<ReconcileOutcome>> CheckRefusedAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> others, CallCount calls, CancellationToken cancellationToken);
    }
}
