using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>Picks each result's fallback by the API operation that produced it.</summary>
    internal sealed class JobStatusFallbacks : IJobStatusFallback
    {
        private readonly Dictionary<KooPhoneOperation, IJobStatusFallback> _byOperation;

        private JobStatusFallbacks(Dictionary<KooPhoneOperation, IJobStatusFallback> byOperation)
        {
            _byOperation = byOperation;
        }

        /// <summary>
        /// The fallbacks of every task operation whose effect the instances' state shows
        /// (docs/operations.md); the others' jobs end Unknown when the task query cannot report them.
        /// </summary>
        public static JobStatusFallbacks Create(int concurrency)
        {
            var byOperation = new Dictionary<KooPhoneOperation, IJobStatusFallback>
            {
                [KooPhoneOperation.BatchBackupInstances] = new BackupStatusFallback(concurrency),
                [KooPhoneOperation.BatchResetInstance] = new ResetStatusFallback(),
                [KooPhoneOperation.CancelInstance] = new UnassignStatusFallback(concurrency),
            };
            return new JobStatusFallbacks(byOperation);
        }

        /// <summary>The fallback for an operation's jobs, or null when its effect cannot be read from the instances.</summary>
        public IJobStatusFallback? For(KooPhoneOperation? operation) =>
            operation != null && _byOperation.TryGetValue(operation, out var fallback) ? fallback : null;

        public async Task UpdateAsync(KooPhoneApiClient api, IReadOnlyList<KooPhoneJobResult> pending, CallCount calls, CancellationToken cancellationToken)
        {
            foreach (var group in pending.GroupBy(r => KooPhoneOperation.Find(r.Operation)))
            {
                var fallback = For(group.Key);
                if (fallback != null)
                {
                    await fallback.UpdateAsync(api, group.ToList(), calls, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    foreach (var result in group)
                    {
                        JobResultUpdater.Finish(result, KooPhoneJobStatus.Unknown, null, "The service cannot report this task, and the instance's own state does not show how the job ended.", api.Context.Time.GetUtcNow().UtcDateTime);
                    }
                }
            }
        }
    }
}
