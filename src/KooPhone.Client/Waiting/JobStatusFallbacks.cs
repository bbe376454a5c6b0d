using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KooPhone.Client.Api;
using KooPhone.Client.Models;

namespace KooPhone.Client.Waiting
{
    /// <summary>Picks each result's fallback by the operation that produced it.</summary>
    public sealed class JobStatusFallbacks : IJobStatusFallback
    {
        private readonly Dictionary<string, IJobStatusFallback> _byOperation;

        private JobStatusFallbacks(Dictionary<string, IJobStatusFallback> byOperation)
        {
            _byOperation = byOperation;
        }

        /// <summary>The fallbacks of every operation that has one.</summary>
        public static JobStatusFallbacks Create(int concurrency)
        {
            var byOperation = new Dictionary<string, IJobStatusFallback>(System.StringComparer.OrdinalIgnoreCase)
            {
                ["Backup"] = new BackupStatusFallback(concurrency),
                ["Reset"] = new ResetStatusFallback(),
                ["Unassign"] = new UnassignStatusFallback(concurrency),
            };
            return new JobStatusFallbacks(byOperation);
        }

        public async Task UpdateAsync(KooPhoneApiClient api, IReadOnlyList<KooPhoneJobResult> pending, CancellationToken cancellationToken)
        {
            foreach (var group in pending.GroupBy(r => r.Operation ?? ""))
            {
                if (_byOperation.TryGetValue(group.Key, out var fallback))
                {
                    await fallback.UpdateAsync(api, group.ToList(), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    foreach (var result in group)
                    {
                        JobResultUpdater.Finish(result, KooPhoneJobStatus.Unknown, null, "The service cannot report this task, and the instance's own state does not show how the job ended.");
                    }
                }
            }
        }
    }
}
