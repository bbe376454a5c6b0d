using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Waiting;

namespace KooPhone.Client.Reconciling
{
    /// <summary>Decides from the instances' state what became of a call whose answer was lost.</summary>
    internal interface IStateReconciler
    {
        /// <summary>True when the operation's effect shows in the state this reconciler reads.</summary>
        bool CanReconcile(KooPhoneOperation operation);

        /// <summary>The verdict on every target, and the calls it cost in <paramref name="calls"/>.</summary>
        Task<IReadOnlyList<ReconcileOutcome>> ReconcileAsync(KooPhoneOperation operation, IReadOnlyList<InstanceTarget> targets, DateTime submittedAt, CallCount calls, CancellationToken cancellationToken);
    }
}
