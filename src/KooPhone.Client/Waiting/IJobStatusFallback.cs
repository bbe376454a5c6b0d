using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>
    /// Learns how jobs ended when the task query cannot tell: the reference leaves open whether
    /// backup, reset and unassign tasks can be polled (docs/api-reference.md §2.6, item 5), so each operation says how its
    /// effect shows on the instance instead.
    /// </summary>
    internal interface IJobStatusFallback
    {
        /// <summary>
        /// Updates the given unfinished results in place from the instances' own state, counting
        /// its calls in <paramref name="calls"/>. It reads only these instances: a finished one is
        /// not passed again.
        /// </summary>
        Task UpdateAsync(KooPhoneApiClient api, IReadOnlyList<KooPhoneJobResult> pending, CallCount calls, CancellationToken cancellationToken);
    }
}
